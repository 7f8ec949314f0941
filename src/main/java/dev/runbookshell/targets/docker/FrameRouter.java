package dev.runbookshell.targets.docker;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import dev.runbookshell.targets.ShellOutput;

/** Demultiplexed exec output to the session; the end of the stream, however it came, ends the shell. */
final class FrameRouter extends ResultCallback.Adapter<Frame> {

	private final ShellOutput output;

	private final AtomicBoolean ended = new AtomicBoolean();

	FrameRouter(ShellOutput output) {
		this.output = output;
	}

	@Override
	public void onNext(Frame frame) {
		byte[] payload = frame.getPayload();
		if (frame.getStreamType() == StreamType.STDERR) {
			this.output.stderr(payload, 0, payload.length);
		}
		else {
			this.output.stdout(payload, 0, payload.length);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		end();
		super.onError(throwable);
	}

	@Override
	public void onComplete() {
		end();
		super.onComplete();
	}

	private void end() {
		if (this.ended.compareAndSet(false, true)) {
			this.output.ended();
		}
	}

	/** The engine stopped answering: the shell's output ends now, and the stream is let go. */
	void abandon() {
		end();
		try {
			close();
		}
		catch (IOException | RuntimeException ex) {
			// The stream is dead either way.
		}
	}

}
