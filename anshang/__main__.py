"""Allow ``python -m anshang``."""

from anshang.cli import main

main()
