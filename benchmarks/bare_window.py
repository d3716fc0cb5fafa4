"""The yardstick for start-up: a bare pygame-ce window, filled once and flipped.

Prints ``escapebox-first-frame <wall-clock time>`` right after the flip, the
same line ``escapebox play`` prints with ``ESCAPEBOX_FIRST_FRAME_EXIT=1``, so
benchmarks/run.py measures both processes the same way.
"""

import os
import time

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

pygame.display.init()
pygame.font.init()
window = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
window.fill((30, 30, 40))
pygame.display.flip()
print(f"escapebox-first-frame {time.time():.6f}", flush=True)
pygame.display.quit()
