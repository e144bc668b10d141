/**
 * A tiny promise wrapper over IndexedDB: one database, one object store keyed by a property.
 * Enough for the Lapor outbox (reports with their photos as Blobs), with no dependency.
 */

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
}

export interface KeyValueStore<T> {
  all(): Promise<T[]>;
  get(key: string): Promise<T | undefined>;
  put(value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** An object store `store` in database `name`, created on first use; `keyPath` names the key property. */
export function idbStore<T>(name: string, store: string, keyPath: string): KeyValueStore<T> {
  let opened: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === "undefined") {
        reject(new Error("IndexedDB is not available"));
        return;
      }
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(store)) req.result.createObjectStore(store, { keyPath });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
    }).catch((error: unknown) => {
      opened = null;
      throw error;
    });
    return opened;
  };
  return {
    async all() {
      const tx = (await db()).transaction(store, "readonly");
      return (await promised(tx.objectStore(store).getAll())) as T[];
    },
    async get(key) {
      const tx = (await db()).transaction(store, "readonly");
      return (await promised(tx.objectStore(store).get(key))) as T | undefined;
    },
    async put(value) {
      const tx = (await db()).transaction(store, "readwrite");
      tx.objectStore(store).put(value);
      await done(tx);
    },
    async delete(key) {
      const tx = (await db()).transaction(store, "readwrite");
      tx.objectStore(store).delete(key);
      await done(tx);
    },
  };
}
