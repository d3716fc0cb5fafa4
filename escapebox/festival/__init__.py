"""The leerfestival: one trainer sees and steers every group's laptop over MQTT (docs/festival.md).

Nothing here imports pygame.  ``protocol`` is the topic layout and the
message format, ``broker`` the embedded amqtt broker, ``publisher`` the
group's side (its own event log, published from a background thread),
``hub`` and ``hub_store`` the trainer's side, ``wall`` the wall's rows and
their order, ``steer`` what a trainer's command does in a game.
"""
