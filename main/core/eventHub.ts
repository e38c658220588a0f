/** Fans core's events out to every attached transport (IPC window, WebSocket clients). */
import type { EventName, EventPayload, EventSink } from '../../common/contract/events';

export interface EventHub extends EventSink {
  attach(sink: EventSink): () => void;
}

export function createEventHub(): EventHub {
  const sinks = new Set<EventSink>();
  return {
    attach(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const sink of sinks) sink.emit(event, payload);
    },
  };
}
