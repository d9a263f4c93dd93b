#!/usr/bin/env python3
"""Floods a holder from loopback, as an attacker would; bounded in count and time.

  flood.py challenges BASE_URL COUNT CA      COUNT anonymous challenge requests (8 keep-alive
                                             connections); prints how many were answered 200
  flood.py half-open HOST PORT COUNT SOURCE HOLD POLL
                                             COUNT TCP connections from SOURCE that send half a
                                             TLS ClientHello and nothing more; prints 'open N'
                                             (the fewest the holder holds within POLL seconds),
                                             then after HOLD seconds 'left N' (those still open)
"""
import http.client
import socket
import ssl
import sys
import threading
import time
import urllib.parse


def challenges(base, count, ca):
    url = urllib.parse.urlparse(base)
    context = ssl.create_default_context(cafile=ca)
    answered = [0]
    lock = threading.Lock()

    def worker(share):
        connection = http.client.HTTPSConnection(url.hostname, url.port, context=context, timeout=30)
        for _ in range(share):
            connection.request("POST", url.path + "/v1/sessions/challenge", body=b"{}", headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                with lock:
                    answered[0] += 1
        connection.close()

    threads = [threading.Thread(target=worker, args=(count // 8 + (1 if index < count % 8 else 0),)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(answered[0])


def is_open(sock):
    """Whether the holder still holds the connection: reads what it sent until it would block."""
    sock.setblocking(False)
    try:
        while True:
            if sock.recv(4096) == b"":
                return False
    except BlockingIOError:
        return True
    except OSError:
        return False


def still_open(sockets):
    return sum(1 for sock in sockets if is_open(sock))


def half_open(host, port, count, source, hold, poll):
    sockets = []
    # The first bytes of a TLS ClientHello: a record header that promises more.
    partial = bytes([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03])
    for _ in range(count):
        try:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        except OSError:
            break  # this process's open-file limit: as many as it can hold
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((source, 0))
            sock.settimeout(5)
            sock.connect((host, port))
            sock.send(partial)
        except OSError:
            sock.close()
            continue
        sockets.append(sock)
    print("connected", len(sockets), flush=True)
    # Connections still in the listen queue look open too: give the holder up to POLL seconds
    # to take them, and report the fewest seen.
    fewest = still_open(sockets)
    waited = 0.0
    while fewest > 0 and waited < poll:
        time.sleep(0.2)
        waited += 0.2
        fewest = min(fewest, still_open(sockets))
    print("open", fewest, flush=True)
    time.sleep(hold)
    print("left", still_open(sockets), flush=True)
    for sock in sockets:
        sock.close()


def main():
    if sys.argv[1] == "challenges":
        challenges(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "half-open":
        half_open(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], float(sys.argv[6]), float(sys.argv[7]))
    else:
        sys.exit("unknown mode " + sys.argv[1])


main()
