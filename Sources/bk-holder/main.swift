print("holder")
