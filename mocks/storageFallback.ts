/**
 * In a frame whose third-party storage is blocked, merely reading `window.localStorage` throws
 * a SecurityError, and IndexedDB refuses to open. MSW reads localStorage as soon as it loads
 * (its cookie store), which would stop the demo from starting at all, and keeps its WebSocket
 * clients in IndexedDB when it exists, failing on every connection. So where storage is
 * blocked, the demo page gets an in-memory localStorage that lasts as long as the page, and no
 * IndexedDB (MSW then keeps its clients in memory; the app itself does not use it). Imported
 * before MSW, so it runs first.
 */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

try {
  void window.localStorage;
} catch {
  Object.defineProperty(window, 'localStorage', { value: new MemoryStorage(), configurable: true });
  Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
}
