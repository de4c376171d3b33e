"""A mail server for the reminder tests, on a free loopback port: it speaks just enough
SMTP for Django's backend and keeps every message it received whole. With ``stall``
set it takes in a message's data and then never answers, like a server stuck in its
hand-off; with ``refuse`` it refuses every recipient (a definite no), with ``refuse_to``
those named; with ``messages_per_session`` it hangs up after that many messages (as
servers do with idle or long connections); with ``limit_per_session`` it answers the
next message's sender after that many with 421 and closes (as Exim does after 1,000
messages a connection); ``received`` is set as soon as it has a
message, and ``sessions`` counts the connections it took."""

from __future__ import annotations

import email
import socketserver
import threading
from email.message import Message


class _Session(socketserver.StreamRequestHandler):
    timeout = 30

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())
        self.wfile.flush()

    def handle(self):
        server: StubServer = self.server.stub
        with server.lock:
            server.sessions += 1
        taken = 0
        self.reply("220 stub ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode("ascii", "replace").strip().split(" ")[0].upper()
            if verb == "EHLO":
                self.reply("250-stub")
                self.reply("250 8BITMIME")
            elif verb == "RCPT" and (
                server.refuse or any(address in line.decode() for address in server.refuse_to)
            ):
                self.reply("550 no such mailbox")
            elif verb == "MAIL" and taken == server.limit_per_session:
                self.reply("421 too many messages in this connection")
                return
            elif verb in ("HELO", "MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go ahead")
                data = bytearray()
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                with server.lock:
                    server.messages.append(email.message_from_bytes(bytes(data)))
                server.received.set()
                if server.stall:
                    # Taken in, never answered: the sender cannot know it arrived.
                    server.released.wait(60)
                    return
                self.reply("250 queued")
                taken += 1
                if taken == server.messages_per_session:
                    return  # hangs up without a word
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class StubServer:
    def __init__(
        self, *, stall: bool = False, refuse: bool = False, refuse_to: tuple[str, ...] = (),
        messages_per_session: int | None = None, limit_per_session: int | None = None,
    ):  # fmt: skip
        self.stall = stall
        self.refuse = refuse
        self.refuse_to = refuse_to
        self.messages_per_session = messages_per_session
        self.limit_per_session = limit_per_session
        self.sessions = 0
        self.messages: list[Message] = []
        self.lock = threading.Lock()
        self.received = threading.Event()
        self.released = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Session)
        self._server.stub = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> StubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.released.set()
        self._server.shutdown()
        self._server.server_close()

    def recipients(self) -> list[str]:
        with self.lock:
            return [message["To"] for message in self.messages]
