package dev.runbookshell.targets.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

import javax.net.SocketFactory;

/** Plain sockets with TCP_NODELAY: a block is a few small packets, and Nagle would hold each back. */
final class NoDelaySocketFactory extends SocketFactory {

	@Override
	public Socket createSocket() throws SocketException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return noDelay(new Socket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return noDelay(new Socket(address, port, localAddress, localPort));
	}

	private static Socket noDelay(Socket socket) throws SocketException {
		socket.setTcpNoDelay(true);
		return socket;
	}

}
