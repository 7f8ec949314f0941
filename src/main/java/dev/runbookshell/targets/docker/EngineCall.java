package dev.runbookshell.targets.docker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;

/**
 * A request to the engine that gives up after a while. docker-java reads the engine's unix socket through a
 * channel, which has no read timeout, so a request to an engine that hangs would hold its caller forever; here
 * it runs on a daemon thread of its own and the caller stops waiting. The abandoned request ends when the engine
 * answers or its client is closed.
 */
final class EngineCall {

	private static final ExecutorService CALLS = Executors.newCachedThreadPool(call -> {
		Thread thread = new Thread(call, "docker-engine-call");
		thread.setDaemon(true);
		return thread;
	});

	private EngineCall() {
	}

	/**
	 * @param what what is asked, for the message ({@code inspecting the container})
	 * @throws TargetException TIMEOUT naming DOCKER_HOST when no answer came within {@code timeout}
	 * @throws RuntimeException what the request threw
	 */
	static <T> T within(Duration timeout, String host, String what, Supplier<T> request) throws TargetException {
		CompletableFuture<T> call = CompletableFuture.supplyAsync(request, CALLS);
		try {
			return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new TargetException(Reason.TIMEOUT, "the Docker engine at DOCKER_HOST=" + host + " did not answer "
					+ what + " within " + timeout.toSeconds() + " s", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(Reason.INTERRUPTED, "interrupted while " + what + " on DOCKER_HOST=" + host, ex);
		}
	}

}
