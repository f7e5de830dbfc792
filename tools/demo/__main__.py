from tools.demo.runner import main

main()
