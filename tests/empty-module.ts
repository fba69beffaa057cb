// Tests load server modules outside Next: 'server-only' guards nothing there.
export {};
