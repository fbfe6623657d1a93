"""A TCP forwarder to a real server that a test can cut and restore (a database going away)."""

from __future__ import annotations

import socket
import threading


class Forwarder:
    """Listens on a local port and pipes each connection to ``upstream``; ``cut`` drops all."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.port = 0
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        """Listen (again, on the same port after a cut) and forward new connections."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(32)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        """Stop listening and close every forwarded connection (as a crashed server would)."""
        with self._lock:
            sockets, self._sockets = self._sockets, []
            listener, self._listener = self._listener, None
        for each in [*sockets, *([listener] if listener else [])]:
            try:
                each.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            each.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, server]
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=_pipe, args=(source, target), daemon=True).start()


def _pipe(source: socket.socket, target: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        for each in (source, target):
            try:
                each.close()
            except OSError:
                pass


class TinySmtpServer:
    """A minimal SMTP server in a thread that keeps the messages it receives (for tests)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.messages: list[tuple[list[str], str]] = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", port))
        self._listener.listen(8)
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self) -> None:
        """Stop accepting connections."""
        self._listener.close()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            with connection, connection.makefile("rb") as incoming:
                self._session(connection, incoming)

    def _session(self, connection: socket.socket, incoming: object) -> None:
        def reply(line: str) -> None:
            connection.sendall(line.encode() + b"\r\n")

        reply("220 tiny ESMTP")
        recipients: list[str] = []
        for raw in iter(incoming.readline, b""):  # type: ignore[attr-defined]
            command = raw.decode(errors="replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                reply("250 tiny")
            elif verb == "MAIL":
                recipients = []
                reply("250 ok")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
                reply("250 ok")
            elif verb == "DATA":
                reply("354 go on")
                lines = []
                for data in iter(incoming.readline, b""):  # type: ignore[attr-defined]
                    if data in (b".\r\n", b".\n"):
                        break
                    lines.append(data.decode(errors="replace"))
                self.messages.append((recipients, "".join(lines)))
                reply("250 queued")
            elif verb == "QUIT":
                reply("221 bye")
                return
            else:
                reply("250 ok")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
