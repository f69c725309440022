import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Seconds left until a moment (a resend becoming possible), re-rendering the host each second. */
export class CountdownController implements ReactiveController {
  private until = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  start(until: string | Date) {
    this.until = new Date(until).getTime();
    this.stop();
    this.timer = setInterval(() => {
      if (this.remaining === 0) this.stop();
      this.host.requestUpdate();
    }, 1000);
    this.host.requestUpdate();
  }

  /** Ends the wait now. */
  end() {
    this.until = 0;
    this.stop();
    this.host.requestUpdate();
  }

  get remaining() {
    return Math.max(0, Math.ceil((this.until - Date.now()) / 1000));
  }

  /** `0:27`, `1:05`, `9:41:05` (a daily limit waits hours). */
  get label() {
    const seconds = this.remaining;
    const minutes = Math.floor(seconds / 60);
    const pad = (n: number) => String(n % 60).padStart(2, '0');
    return `${minutes < 60 ? minutes : `${Math.floor(minutes / 60)}:${pad(minutes)}`}:${pad(seconds)}`;
  }

  private stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  hostDisconnected() {
    this.stop();
  }
}
