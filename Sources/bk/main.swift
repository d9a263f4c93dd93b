print("bk")
