import type { Unsubscribe } from '@shared/contract';

/** A typed event source whose subscriptions can each be undone. */
export class Emitter<T> {
  private readonly listeners = new Set<(payload: T) => void>();

  /** Subscribes; the returned function unsubscribes (idempotent). */
  readonly subscribe = (listener: (payload: T) => void): Unsubscribe => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Delivers to every listener; one throwing listener does not starve the others. */
  fire(payload: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(payload);
      } catch (error) {
        console.error('[rounds] event listener failed', error);
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
