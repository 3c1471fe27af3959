/*
 * Part of hmr-spring-boot. It follows Vite's client (MIT, see NOTICE).
 *
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// The HMR runtime: what `import.meta.hot` records into, and how updates are applied.
// Vite's `shared/hmr.ts` and `shared/hmrHandler.ts`, rewritten without dependencies.
// No DOM and no socket here: the transport, the module importer and the page reload are
// handed in, so this file runs unchanged in Node (see src/test/js).

/**
 * One `import.meta.hot` per module instance. It only records into its client's maps.
 */
export class HMRContext {
  #client
  #ownerPath
  #newListeners

  /**
   * @param {HMRClient} hmrClient
   * @param {string} ownerPath the module's canonical URL, e.g. "/src/app.js"
   */
  constructor(hmrClient, ownerPath) {
    this.#client = hmrClient
    this.#ownerPath = ownerPath
    if (!hmrClient.dataMap.has(ownerPath)) {
      hmrClient.dataMap.set(ownerPath, {})
    }
    // A module that is hot updated runs again and creates a new context: forget what the
    // previous instance registered, or callbacks and listeners would pile up.
    const mod = hmrClient.hotModulesMap.get(ownerPath)
    if (mod) {
      mod.callbacks = []
    }
    hmrClient.declined.delete(ownerPath)
    const staleListeners = hmrClient.ctxToListenersMap.get(ownerPath)
    if (staleListeners) {
      for (const [event, staleFns] of staleListeners) {
        const listeners = hmrClient.customListenersMap.get(event)
        if (listeners) {
          const kept = listeners.filter((l) => !staleFns.includes(l))
          if (kept.length > 0) {
            hmrClient.customListenersMap.set(event, kept)
          } else {
            hmrClient.customListenersMap.delete(event)
          }
        }
      }
    }
    this.#newListeners = new Map()
    hmrClient.ctxToListenersMap.set(ownerPath, this.#newListeners)
  }

  /** The object kept for this module URL across updates: mutate it, do not reassign it. */
  get data() {
    return this.#client.dataMap.get(this.#ownerPath)
  }

  accept(deps, callback) {
    if (typeof deps === 'function' || !deps) {
      // self-accept: hot.accept() or hot.accept((mod) => {})
      this.#acceptDeps([this.#ownerPath], ([mod]) => deps?.(mod))
    } else if (typeof deps === 'string') {
      this.#acceptDeps([deps], ([mod]) => callback?.(mod))
    } else if (Array.isArray(deps)) {
      this.#acceptDeps(deps, callback)
    } else {
      throw new Error('invalid hot.accept() usage.')
    }
  }

  // The export names matter only on the server (which decides whether importers are
  // affected); in the browser this is a self-accept.
  acceptExports(_, callback) {
    this.#acceptDeps([this.#ownerPath], ([mod]) => callback?.(mod))
  }

  dispose(cb) {
    this.#client.disposeMap.set(this.#ownerPath, cb)
  }

  prune(cb) {
    this.#client.pruneMap.set(this.#ownerPath, cb)
  }

  // Vite made decline() a no-op; we keep the older (and documented) meaning: an update
  // that would re-import or be accepted by a declining module reloads the page instead.
  // See HMRClient#fetchUpdate.
  decline() {
    this.#client.declined.add(this.#ownerPath)
  }

  invalidate(message) {
    const firstInvalidatedBy = this.#client.currentFirstInvalidatedBy ?? this.#ownerPath
    const data = { path: this.#ownerPath, message, firstInvalidatedBy }
    this.#client.notifyListeners('vite:invalidate', data)
    this.send('vite:invalidate', data)
    this.#client.logger.debug(`invalidate ${this.#ownerPath}${message ? `: ${message}` : ''}`)
  }

  on(event, cb) {
    const addTo = (map) => {
      const existing = map.get(event) || []
      existing.push(cb)
      map.set(event, existing)
    }
    addTo(this.#client.customListenersMap)
    addTo(this.#newListeners)
  }

  off(event, cb) {
    const removeFrom = (map) => {
      const existing = map.get(event)
      if (existing === undefined) {
        return
      }
      const kept = existing.filter((l) => l !== cb)
      if (kept.length === 0) {
        map.delete(event)
      } else {
        map.set(event, kept)
      }
    }
    removeFrom(this.#client.customListenersMap)
    removeFrom(this.#newListeners)
  }

  send(event, data) {
    this.#client.send({ type: 'custom', event, data })
  }

  #acceptDeps(deps, callback = () => {}) {
    const mod = this.#client.hotModulesMap.get(this.#ownerPath) || { id: this.#ownerPath, callbacks: [] }
    mod.callbacks.push({ deps, fn: callback })
    this.#client.hotModulesMap.set(this.#ownerPath, mod)
  }
}

/**
 * One per page: the maps the contexts record into, the listeners, and the update queue.
 */
export class HMRClient {
  /** @type {Map<string, {id: string, callbacks: {deps: string[], fn: Function}[]}>} boundary URL -> accept callbacks */
  hotModulesMap = new Map()
  /** @type {Map<string, Function>} */
  disposeMap = new Map()
  /** @type {Map<string, Function>} */
  pruneMap = new Map()
  /** @type {Map<string, object>} */
  dataMap = new Map()
  /** @type {Map<string, Function[]>} event -> listeners */
  customListenersMap = new Map()
  /** @type {Map<string, Map<string, Function[]>>} module URL -> the listeners its current instance added */
  ctxToListenersMap = new Map()
  /** @type {Set<string>} module URLs whose current instance called decline() */
  declined = new Set()
  /** @type {string | undefined} set while the callbacks of an update caused by an invalidation run */
  currentFirstInvalidatedBy

  #updateQueue = []
  #pendingUpdateQueue = false

  /**
   * @param {{debug(msg: string): void, error(err: unknown): void}} logger
   * @param {{send(payload: object): void | Promise<void>}} transport
   * @param {(update: object) => Promise<object>} importUpdatedModule re-imports `update.acceptedPath`
   * @param {() => void} reload reloads the page (used when a declining module is updated)
   */
  constructor(logger, transport, importUpdatedModule, reload = () => {}) {
    this.logger = logger
    this.transport = transport
    this.importUpdatedModule = importUpdatedModule
    this.reload = reload
  }

  /**
   * Call every listener of the event and wait for all of them. A listener that throws or
   * rejects is logged and does not stop the others.
   */
  async notifyListeners(event, data) {
    const cbs = this.customListenersMap.get(event)
    if (!cbs) {
      return
    }
    const results = await Promise.allSettled(cbs.map(async (cb) => cb(data)))
    for (const result of results) {
      if (result.status === 'rejected') {
        this.logger.error(result.reason)
      }
    }
  }

  send(payload) {
    try {
      const sent = this.transport.send(payload)
      if (sent && typeof sent.catch === 'function') {
        sent.catch((err) => this.logger.error(err))
      }
    } catch (err) {
      this.logger.error(err)
    }
  }

  /**
   * After an update some modules are no longer imported; they may have left side effects
   * (injected styles, timers) behind: run their dispose handlers, then their prune
   * handlers, then forget their data so that a later import starts afresh.
   */
  async prunePaths(paths) {
    await Promise.all(
      paths.map((path) => {
        const disposer = this.disposeMap.get(path)
        if (disposer) {
          return disposer(this.dataMap.get(path))
        }
      }),
    )
    await Promise.all(
      paths.map((path) => {
        const fn = this.pruneMap.get(path)
        if (fn) {
          return fn(this.dataMap.get(path))
        }
      }),
    )
    for (const path of paths) {
      this.dataMap.delete(path)
    }
  }

  warnFailedUpdate(err, path) {
    if (!(err instanceof Error) || !err.message.includes('fetch')) {
      this.logger.error(err)
    }
    this.logger.error(
      `Failed to reload ${path}. This could be due to syntax errors or importing non-existent modules. (see errors above)`,
    )
  }

  /**
   * Updates that arrive together (one frame) are fetched in parallel, but their callbacks
   * run in the order they were sent; otherwise HTTP round trips would reorder them.
   */
  async queueUpdate(update) {
    this.#updateQueue.push(this.#fetchUpdate(update))
    if (!this.#pendingUpdateQueue) {
      this.#pendingUpdateQueue = true
      await Promise.resolve()
      this.#pendingUpdateQueue = false
      const loading = [...this.#updateQueue]
      this.#updateQueue = []
      for (const apply of await Promise.all(loading)) {
        apply?.()
      }
    }
  }

  async #fetchUpdate(update) {
    const { path, acceptedPath, firstInvalidatedBy } = update
    const mod = this.hotModulesMap.get(path)
    if (!mod) {
      // The boundary is not loaded in this page (code splitting): nothing to do.
      return
    }
    const isSelfUpdate = path === acceptedPath
    // Decide which callbacks qualify before re-importing: the new instance replaces them.
    const qualifiedCallbacks = mod.callbacks.filter(({ deps }) => deps.includes(acceptedPath))
    if (!isSelfUpdate && qualifiedCallbacks.length === 0) {
      return
    }
    if (this.declined.has(acceptedPath) || this.declined.has(path)) {
      const decliner = this.declined.has(acceptedPath) ? acceptedPath : path
      this.logger.debug(`${decliner} declined the update of ${acceptedPath}; reloading the page.`)
      this.reload()
      return
    }
    let fetchedModule
    const disposer = this.disposeMap.get(acceptedPath)
    if (disposer) {
      await disposer(this.dataMap.get(acceptedPath))
    }
    try {
      fetchedModule = await this.importUpdatedModule(update)
    } catch (err) {
      this.warnFailedUpdate(err, acceptedPath)
    }
    return () => {
      this.currentFirstInvalidatedBy = firstInvalidatedBy
      let failed = false
      try {
        for (const { deps, fn } of qualifiedCallbacks) {
          try {
            fn(deps.map((dep) => (dep === acceptedPath ? fetchedModule : undefined)))
          } catch (err) {
            failed = true
            this.logger.error(err)
          }
        }
      } finally {
        this.currentFirstInvalidatedBy = undefined
      }
      if (!failed) {
        this.logger.debug(`hot updated: ${isSelfUpdate ? path : `${acceptedPath} via ${path}`}`)
      }
    }
  }
}

/**
 * Wrap a payload handler so that payloads are handled strictly one after another: payload
 * N+1 is not looked at until the (asynchronous) handling of payload N has settled. The
 * returned function's promise settles with that payload's handling.
 */
export function createHMRHandler(handler) {
  let tail = Promise.resolve()
  return (payload) => {
    const handled = tail.then(() => handler(payload))
    tail = handled.catch(() => {})
    return handled
  }
}
