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

// Types of `import.meta.hot` as hmr-spring-boot's browser client provides it: the same API
// as Vite's `ViteHotContext` (vite/types/hot.d.ts and customEvent.d.ts), so editor
// completion and type checks work for code written for Vite.
//
// The file ships in the starter's jar at `dev/hmr/client/hmr.d.ts`; it is for editors only,
// the server never sends it. To use it, copy it next to your scripts (for example to
// `src/main/resources/static/hmr.d.ts`) and either
//   - list it in a `jsconfig.json` (or `tsconfig.json`) there:
//       { "compilerOptions": { "checkJs": true }, "include": ["**/*.js", "hmr.d.ts"] }
//   - or reference it at the top of a script:
//       /// <reference path="./hmr.d.ts" />
// Projects that already depend on `vite` can use `/// <reference types="vite/client" />`
// instead: the API is the same.

/** A module namespace object, as `import * as mod from '…'` gives it. */
export type ModuleNamespace = Record<string, any> & {
  [Symbol.toStringTag]: 'Module'
}

export interface Update {
  type: 'js-update' | 'css-update'
  path: string
  acceptedPath: string
  timestamp: number
  explicitImportRequired?: boolean
  isWithinCircularImport?: boolean
  firstInvalidatedBy?: string
  invalidates?: string[]
}

export interface UpdatePayload {
  type: 'update'
  updates: Update[]
}

export interface FullReloadPayload {
  type: 'full-reload'
  path?: string
  triggeredBy?: string
}

export interface PrunePayload {
  type: 'prune'
  paths: string[]
}

export interface ErrorPayload {
  type: 'error'
  err: {
    [name: string]: any
    message: string
    stack: string
    id?: string
    frame?: string
    plugin?: string
    pluginCode?: string
    loc?: {
      file?: string
      line: number
      column: number
    }
  }
}

export interface InvalidatePayload {
  path: string
  message: string | undefined
  firstInvalidatedBy: string
}

export interface WebSocketConnectionPayload {
  /** The HMR socket; do not send on it directly, use `import.meta.hot.send`. */
  webSocket: WebSocket
}

/** The events the client itself fires; any other name is a custom event. */
export interface CustomEventMap {
  'vite:beforeUpdate': UpdatePayload
  'vite:afterUpdate': UpdatePayload
  'vite:beforePrune': PrunePayload
  'vite:beforeFullReload': FullReloadPayload
  'vite:error': ErrorPayload
  'vite:invalidate': InvalidatePayload
  'vite:ws:connect': WebSocketConnectionPayload
  'vite:ws:disconnect': WebSocketConnectionPayload
}

export type InferCustomEventPayload<T extends string> = T extends keyof CustomEventMap ? CustomEventMap[T] : any

/** Any event name: a built-in one (typed) or a custom one. */
export type CustomEventName = keyof CustomEventMap | (string & {})

export interface ViteHotContext {
  /** Kept per module URL across updates: mutate it (`hot.data.x = 1`), do not reassign it. */
  readonly data: any

  /** Accept updates of this module; its importers are not re-run. */
  accept(): void
  /** Accept updates of this module; `cb` gets the new module (undefined if it failed to load). */
  accept(cb: (mod: ModuleNamespace | undefined) => void): void
  /** Accept updates of one dependency, named as in its import. */
  accept(dep: string, cb: (mod: ModuleNamespace | undefined) => void): void
  /** Accept updates of several dependencies; `cb` gets an array aligned with `deps`, set only where a dep was updated. */
  accept(deps: readonly string[], cb: (mods: Array<ModuleNamespace | undefined>) => void): void

  /** Accept updates of this module as long as only these exports change for its importers. */
  acceptExports(exportNames: string | readonly string[], cb?: (mod: ModuleNamespace | undefined) => void): void

  /** Clean up side effects before this module is replaced; `data` is passed to the new instance. One per module: the last call wins. */
  dispose(cb: (data: any) => void | Promise<void>): void
  /** Clean up when this module is no longer imported anywhere on the page. */
  prune(cb: (data: any) => void | Promise<void>): void
  /**
   * Decline updates of this module: an update that would re-run it, or be accepted by it,
   * reloads the page instead. (In Vite this has become a no-op.)
   */
  decline(): void
  /** Give up on this update: the server propagates it to this module's importers (or reloads the page). */
  invalidate(message?: string): void

  on<T extends CustomEventName>(event: T, cb: (payload: InferCustomEventPayload<T>) => void): void
  off<T extends CustomEventName>(event: T, cb: (payload: InferCustomEventPayload<T>) => void): void
  /** Send a custom event to the server (`ServerHotChannel` listeners); waits for the socket to open. */
  send<T extends CustomEventName>(event: T, data?: InferCustomEventPayload<T>): void
}

declare global {
  interface ImportMeta {
    /** Present while the page runs with HMR (in development); guard with `if (import.meta.hot)`. */
    readonly hot?: ViteHotContext
  }
}
