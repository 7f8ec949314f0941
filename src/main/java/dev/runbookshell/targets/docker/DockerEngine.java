package dev.runbookshell.targets.docker;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;

import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;

/**
 * A docker-java client for the engine at DOCKER_HOST (unix socket by default), speaking the API version the
 * daemon announces on {@code /_ping}: docker-java's default (1.44) is refused by dockerd 20.10 (1.41), and
 * Docker 29 refuses anything older than 1.44, so no fixed version works with both. A request that must not
 * hang on an engine that stopped answering goes through {@link #call}.
 */
public final class DockerEngine implements AutoCloseable {

	/** Where the engine is when DOCKER_HOST is not set. */
	public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

	private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);

	private final String host;

	private final String apiVersion;

	private final DockerHttpClient http;

	private final DockerClient client;

	private DockerEngine(String host, String apiVersion, DockerHttpClient http, DockerClient client) {
		this.host = host;
		this.apiVersion = apiVersion;
		this.http = http;
		this.client = client;
	}

	/**
	 * Pings the engine and builds a client for its API version.
	 * @param dockerHost DOCKER_HOST, or null for the default socket
	 * @throws TargetException CONNECT naming the DOCKER_HOST when the daemon does not answer
	 */
	public static DockerEngine connect(String dockerHost) throws TargetException {
		String host = dockerHost == null || dockerHost.isBlank() ? DEFAULT_HOST : dockerHost.strip();
		DockerHttpClient http;
		try {
			http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host))
				.connectionTimeout(Duration.ofSeconds(5))
				.maxConnections(16)
				.build();
		}
		catch (RuntimeException ex) {
			throw new TargetException(Reason.CONNECT, "DOCKER_HOST=" + host + " is not usable: " + ex.getMessage(), ex);
		}
		String version = ping(http, host);
		DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
			.withDockerHost(host)
			.withApiVersion(version)
			.build();
		return new DockerEngine(host, version, http, DockerClientImpl.getInstance(config, http));
	}

	private static String ping(DockerHttpClient http, String host) throws TargetException {
		PingAnswer answer;
		try {
			answer = EngineCall.within(PING_TIMEOUT, host, "/_ping", () -> {
				try (DockerHttpClient.Response response = http.execute(pingRequest())) {
					return new PingAnswer(response.getStatusCode(), header(response.getHeaders(), "Api-Version"));
				}
			});
		}
		catch (TargetException | RuntimeException ex) {
			closeQuietly(http);
			throw new TargetException(Reason.CONNECT, "the Docker daemon at DOCKER_HOST=" + host + " is not reachable"
					+ whyUnreachable(ex, host), ex);
		}
		if (answer.status() != 200 || answer.apiVersion() == null) {
			closeQuietly(http);
			throw new TargetException(Reason.CONNECT, "the Docker daemon at DOCKER_HOST=" + host
					+ " answered /_ping with status " + answer.status() + " and no API-Version");
		}
		return answer.apiVersion();
	}

	private record PingAnswer(int status, String apiVersion) {
	}

	private static DockerHttpClient.Request pingRequest() {
		return DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path("/_ping").build();
	}

	/** Whether the engine answers {@code /_ping} within {@code timeout}. */
	boolean answersPing(Duration timeout) {
		try {
			return call(timeout, "/_ping", () -> {
				try (DockerHttpClient.Response response = this.http.execute(pingRequest())) {
					return response.getStatusCode() == 200;
				}
			});
		}
		catch (TargetException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Sends {@code request} and waits for its answer {@code timeout} at most.
	 * @param what what is asked, for the message
	 * @throws TargetException TIMEOUT naming DOCKER_HOST when the engine did not answer in time
	 */
	<T> T call(Duration timeout, String what, Supplier<T> request) throws TargetException {
		return EngineCall.within(timeout, this.host, what, request);
	}

	private static String header(Map<String, List<String>> headers, String name) {
		return headers.entrySet()
			.stream()
			.filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
			.map(entry -> entry.getValue().get(0))
			.findFirst()
			.orElse(null);
	}

	private static String whyUnreachable(Throwable ex, String host) {
		if (ex instanceof TargetException) {
			return ": it did not answer /_ping within " + PING_TIMEOUT.toSeconds() + " s";
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root instanceof UnknownHostException) {
			return ": the host name " + URI.create(host).getHost() + " does not resolve";
		}
		return " (is dockerd running?): " + root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	public DockerClient client() {
		return this.client;
	}

	/** DOCKER_HOST as used, for messages. */
	public String host() {
		return this.host;
	}

	/** The API version the daemon announced and the client speaks. */
	public String apiVersion() {
		return this.apiVersion;
	}

	@Override
	public void close() {
		try {
			this.client.close();
		}
		catch (IOException ex) {
			// The engine connection is gone either way.
		}
		closeQuietly(this.http);
	}

	private static void closeQuietly(DockerHttpClient http) {
		try {
			http.close();
		}
		catch (IOException ex) {
			// Nothing left to release.
		}
	}

}
