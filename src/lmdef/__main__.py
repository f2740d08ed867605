from lmdef.cli import main

main()
