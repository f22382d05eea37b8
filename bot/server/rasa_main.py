"""`rasa run` with this project's patches to Rasa applied first (bot.rasa_patches says each and why).

bot.server.launcher starts Rasa through this module, in `make run`, in containers and in the tests.
"""

from __future__ import annotations

import sys

from bot import rasa_patches


def main() -> None:
    rasa_patches.apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
