import MotCuaCLI

MotCua.main()
