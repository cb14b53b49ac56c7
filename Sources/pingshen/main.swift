print("pingshen")
