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

// The browser client, served at /@vite/client (our counterpart of Vite's client.ts): the
// socket, the one message switch, the CSS link swap, styles imported from JS, and the
// reload after the server restarts. The runtime behind import.meta.hot is ./hmr.mjs, the
// overlay ./overlay.mjs; both resolve next to this file (/@vite/hmr.mjs, /@vite/overlay.mjs).
// The server fills in the settings below with JSON literals before serving this file.

import { HMRClient, HMRContext, createHMRHandler } from './hmr.mjs'
import { ErrorOverlay, overlayId } from './overlay.mjs'
import { setupMorph } from './morph.mjs'

export { ErrorOverlay }

const importMetaUrl = new URL(import.meta.url)

const hmrProtocol = __HMR_PROTOCOL__
const hmrHostname = __HMR_HOSTNAME__
const hmrPort = __HMR_PORT__
const hmrSocketPath = __HMR_BASE__
const hmrTimeout = __HMR_TIMEOUT__
const enableOverlay = __HMR_ENABLE_OVERLAY__
const wsToken = __WS_TOKEN__
const base = __BASE__ || '/'

// Settings left unset follow the address this script was loaded from, so the socket goes
// through the same host, port and TLS as the page's own requests (reverse proxies, tunnels).
const socketProtocol = hmrProtocol || (importMetaUrl.protocol === 'https:' ? 'wss' : 'ws')
const socketHostname = hmrHostname || importMetaUrl.hostname
const socketPort = hmrPort ?? importMetaUrl.port
const socketUrl = `${socketProtocol}://${socketHostname}${socketPort ? `:${socketPort}` : ''}${hmrSocketPath}?token=${wsToken}`

const hasDocument = 'document' in globalThis

console.debug('[vite] connecting...')

/**
 * The HMR socket. Sends made before it opens wait for it, in order; the keep-alive ping
 * runs while it is open; its open and close are reported to the handler as Vite's local
 * events vite:ws:connect and vite:ws:disconnect.
 */
function createSocketTransport(url, pingInterval) {
  let socket
  let isOpened = false
  let pingTimer
  let waiting = []
  return {
    connect(onMessage) {
      socket = new WebSocket(url, 'vite-hmr')
      socket.addEventListener('message', ({ data }) => {
        let payload
        try {
          payload = JSON.parse(data)
        } catch (err) {
          console.error('[vite] ignored a message that is not JSON:', data)
          return
        }
        onMessage(payload)
      })
      socket.addEventListener('open', () => {
        isOpened = true
        onMessage({ type: 'custom', event: 'vite:ws:connect', data: { webSocket: socket } })
        // Proxies (nginx, Docker) close idle sockets; the server ignores these.
        pingTimer = setInterval(() => {
          if (socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify({ type: 'ping' }))
          }
        }, pingInterval)
        const sends = waiting
        waiting = []
        for (const { data, resolve } of sends) {
          socket.send(data)
          resolve()
        }
      })
      socket.addEventListener('close', () => {
        clearInterval(pingTimer)
        const sends = waiting
        waiting = []
        if (!isOpened) {
          const err = new Error('WebSocket closed without opened.')
          console.error(
            `[vite] failed to connect to websocket (${err}). The socket URL comes from the hmr.* properties ` +
              '(protocol, host, client-port, path) or, when unset, from the address of /@vite/client; ' +
              'a proxy in between must forward WebSocket upgrades.',
          )
          for (const { reject } of sends) {
            reject(err)
          }
          return
        }
        for (const { reject } of sends) {
          reject(new Error('WebSocket closed before the message was sent.'))
        }
        onMessage({ type: 'custom', event: 'vite:ws:disconnect', data: { webSocket: socket } })
      })
    },
    send(payload) {
      const data = JSON.stringify(payload)
      if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(data)
        return Promise.resolve()
      }
      if (socket && socket.readyState === WebSocket.CONNECTING) {
        return new Promise((resolve, reject) => waiting.push({ data, resolve, reject }))
      }
      return Promise.reject(new Error('send was called while the HMR socket is not open.'))
    },
  }
}

function debounceReload(time) {
  let timer
  return () => {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    timer = setTimeout(() => {
      location.reload()
    }, time)
  }
}

const pageReload = debounceReload(20)

// Ids that are not URLs (virtual modules) travel as /@id/<id>, as in Vite.
function moduleUrlToBrowserUrl(url) {
  if (url[0] === '/' || url[0] === '.') {
    return url
  }
  return `/@id/${url.replace('\0', '__x00__')}`
}

async function importUpdatedModule({ acceptedPath, timestamp, explicitImportRequired, isWithinCircularImport }) {
  const [acceptedPathWithoutQuery, query] = moduleUrlToBrowserUrl(acceptedPath).split('?')
  const importPromise = import(
    base +
      acceptedPathWithoutQuery.slice(1) +
      `?${explicitImportRequired ? 'import&' : ''}t=${timestamp}${query ? `&${query}` : ''}`
  )
  if (isWithinCircularImport) {
    importPromise.catch(() => {
      console.info(
        `[hmr] ${acceptedPath} failed to apply HMR as it's within a circular import. Reloading page to reset the execution order.`,
      )
      pageReload()
    })
  }
  return await importPromise
}

const transport = createSocketTransport(socketUrl, hmrTimeout)

const hmrClient = new HMRClient(
  {
    error: (err) => (typeof err === 'string' ? console.error(`[vite] ${err}`) : console.error('[vite]', err)),
    debug: (msg) => console.debug(`[vite] ${msg}`),
  },
  transport,
  importUpdatedModule,
  pageReload,
)

let willUnload = false
if (typeof window !== 'undefined') {
  window.addEventListener?.('beforeunload', () => {
    willUnload = true
  })
}

/**
 * Fetch, in parallel and at once, what an update's re-import will import anew (the server
 * names it in `invalidates`): the browser would otherwise find those modules one after
 * the other, each once its importer arrived. `modulepreload` fetches and compiles a module
 * into the page's module map without running it, so the re-import below finds it there.
 */
function preloadReimported(updates) {
  const links = []
  if (!hasDocument) {
    return links
  }
  for (const update of updates) {
    if (update.type !== 'js-update' || !update.invalidates || !hmrClient.hotModulesMap.has(update.path)) {
      continue
    }
    for (const url of update.invalidates) {
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      link.href = base + moduleUrlToBrowserUrl(url).slice(1)
      document.head.appendChild(link)
      links.push(link)
    }
  }
  return links
}

/**
 * The preload links go once the update is on screen: removed as each loaded, they put a
 * style recalculation between the update's DOM change and its first frame.
 */
function removeAfterNextFrame(links) {
  if (links.length > 0) {
    requestAnimationFrame(() => setTimeout(() => links.forEach((link) => link.remove())))
  }
}

let isFirstUpdate = true
const outdatedLinkTags = new WeakSet()

async function handleMessage(payload) {
  switch (payload.type) {
    case 'connected':
      console.debug('[vite] connected.')
      break
    case 'update': {
      const preloads = preloadReimported(payload.updates)
      await hmrClient.notifyListeners('vite:beforeUpdate', payload)
      if (hasDocument) {
        // An overlay before the first update means the page opened on a server error and its
        // modules never loaded: a hot update cannot repair that, a reload can.
        if (isFirstUpdate && hasErrorOverlay()) {
          location.reload()
          return
        }
        if (enableOverlay) {
          clearErrorOverlay()
        }
        isFirstUpdate = false
      }
      await Promise.all(
        payload.updates.map((update) =>
          update.type === 'js-update' ? hmrClient.queueUpdate(update) : updateLinkedStylesheet(update),
        ),
      )
      removeAfterNextFrame(preloads)
      await hmrClient.notifyListeners('vite:afterUpdate', payload)
      break
    }
    case 'custom':
      await hmrClient.notifyListeners(payload.event, payload.data)
      if (payload.event === 'vite:ws:disconnect' && hasDocument && !willUnload) {
        console.log('[vite] server connection lost. Polling for restart...')
        const url = new URL(payload.data.webSocket.url)
        url.search = '' // without the token: a restarted server has a new one
        await waitForSuccessfulPing(url.href)
        location.reload()
      }
      break
    case 'full-reload':
      if (payload.ifFallback) {
        // meant for Vite's bundled-dev fallback page, which this client never is
        break
      }
      await hmrClient.notifyListeners('vite:beforeFullReload', payload)
      if (hasDocument) {
        if (payload.path && payload.path.endsWith('.html')) {
          // An edited page reloads only the tabs showing it; index.html may be any
          // page's fallback, so it reloads them all.
          const pagePath = decodeURI(location.pathname)
          const payloadPath = base + payload.path.slice(1)
          if (
            pagePath === payloadPath ||
            payload.path === '/index.html' ||
            (pagePath.endsWith('/') && pagePath + 'index.html' === payloadPath)
          ) {
            pageReload()
          }
        } else {
          pageReload()
        }
      }
      break
    case 'prune':
      await hmrClient.notifyListeners('vite:beforePrune', payload)
      await hmrClient.prunePaths(payload.paths)
      break
    case 'error': {
      await hmrClient.notifyListeners('vite:error', payload)
      if (hasDocument) {
        const err = payload.err
        if (enableOverlay) {
          createErrorOverlay(err)
        } else {
          console.error(`[vite] Internal Server Error\n${err.message}\n${err.stack}`)
        }
      }
      break
    }
    case 'ping':
      break
    default:
      console.debug(`[vite] ignored a message of unknown type ${payload.type}`)
  }
}

// Stylesheets loaded with <link>: load a copy with a new ?t=, and remove the old one only
// once the copy has loaded (or failed), so the page never shows unstyled content.
function updateLinkedStylesheet({ path, timestamp }) {
  if (!hasDocument) {
    return
  }
  const searchUrl = withoutDirectQuery(path)
  // link.href is absolute while searchUrl is not, hence "contains" rather than a selector
  const el = Array.from(document.querySelectorAll('link')).find(
    (e) => !outdatedLinkTags.has(e) && withoutDirectQuery(e.href).includes(searchUrl),
  )
  if (!el) {
    return
  }
  const newPath = `${base}${searchUrl.slice(1)}${searchUrl.includes('?') ? '&' : '?'}t=${timestamp}`
  return new Promise((resolve) => {
    const newLinkTag = el.cloneNode()
    newLinkTag.href = new URL(newPath, el.href).href
    const removeOldEl = () => {
      el.remove()
      console.debug(`[vite] css hot updated: ${searchUrl}`)
      resolve()
    }
    newLinkTag.addEventListener('load', removeOldEl)
    newLinkTag.addEventListener('error', removeOldEl)
    outdatedLinkTags.add(el)
    el.after(newLinkTag)
  })
}

// "/a.css?direct" -> "/a.css", "/a.css?x=1&direct" -> "/a.css?x=1"; other parameters stay
function withoutDirectQuery(url) {
  const queryStart = url.indexOf('?')
  if (queryStart < 0) {
    return url
  }
  const params = url
    .slice(queryStart + 1)
    .split('&')
    .filter((p) => p !== 'direct' && !p.startsWith('direct='))
  return params.length > 0 ? `${url.slice(0, queryStart)}?${params.join('&')}` : url.slice(0, queryStart)
}

function createErrorOverlay(err) {
  clearErrorOverlay()
  const { customElements } = globalThis
  if (customElements) {
    const ErrorOverlayConstructor = customElements.get(overlayId)
    document.body.appendChild(new ErrorOverlayConstructor(err))
  }
}

function clearErrorOverlay() {
  document.querySelectorAll(overlayId).forEach((n) => n.close())
}

function hasErrorOverlay() {
  return document.querySelectorAll(overlayId).length > 0
}

// After the server went away: try a `vite-ping` socket now, then once a second while the
// tab is visible, and not at all while it is hidden (no load on a server that is starting).
async function waitForSuccessfulPing(socketUrl, ms = 1000) {
  const wait = (time) => new Promise((resolve) => setTimeout(resolve, time))
  const ping = () =>
    new Promise((resolve) => {
      let socket
      try {
        socket = new WebSocket(socketUrl, 'vite-ping')
      } catch {
        resolve(false)
        return
      }
      const done = (opened) => {
        socket.removeEventListener('open', onOpen)
        socket.removeEventListener('error', onError)
        socket.close()
        resolve(opened)
      }
      const onOpen = () => done(true)
      const onError = () => done(false)
      socket.addEventListener('open', onOpen)
      socket.addEventListener('error', onError)
    })
  const waitForVisible = () =>
    new Promise((resolve) => {
      const onChange = () => {
        if (document.visibilityState === 'visible') {
          document.removeEventListener('visibilitychange', onChange)
          resolve()
        }
      }
      document.addEventListener('visibilitychange', onChange)
    })

  if (await ping()) {
    return
  }
  await wait(ms)
  while (true) {
    if (document.visibilityState === 'visible') {
      if (await ping()) {
        return
      }
      await wait(ms)
    } else {
      await waitForVisible()
    }
  }
}

// Styles imported from JS: the CSS module calls updateStyle(id, css) when it runs and
// removeStyle(id) when it is pruned. Elements the server rendered with the same
// data-vite-dev-id are adopted, so the style is not applied twice.
const sheetsMap = new Map()
const linkSheetsMap = new Map()
if (hasDocument) {
  document.querySelectorAll('style[data-vite-dev-id]').forEach((el) => {
    sheetsMap.set(el.getAttribute('data-vite-dev-id'), el)
  })
  document.querySelectorAll('link[rel="stylesheet"][data-vite-dev-id]').forEach((el) => {
    linkSheetsMap.set(el.getAttribute('data-vite-dev-id'), el)
  })
}

const cspNonce = hasDocument ? cspNonceOf(document.querySelector('meta[property=csp-nonce]')) : undefined

function cspNonceOf(meta) {
  // browsers hide the nonce attribute once parsed; the property keeps it
  return meta ? meta.nonce || meta.getAttribute('nonce') || undefined : undefined
}

// All styles imported in one tick go to one place, in order, as a build would bundle them.
let lastInsertedStyle

export function updateStyle(id, content) {
  if (linkSheetsMap.has(id)) {
    return
  }
  let style = sheetsMap.get(id)
  if (!style) {
    style = document.createElement('style')
    style.setAttribute('type', 'text/css')
    style.setAttribute('data-vite-dev-id', id)
    style.textContent = content
    if (cspNonce) {
      style.setAttribute('nonce', cspNonce)
    }
    if (!lastInsertedStyle) {
      document.head.appendChild(style)
      // styles of a later dynamic import start a new group
      setTimeout(() => {
        lastInsertedStyle = undefined
      }, 0)
    } else {
      lastInsertedStyle.insertAdjacentElement('afterend', style)
    }
    lastInsertedStyle = style
  } else {
    style.textContent = content
  }
  sheetsMap.set(id, style)
}

export function removeStyle(id) {
  if (linkSheetsMap.has(id)) {
    // select again: a css-update may have replaced the <link>
    document.querySelectorAll('link[rel="stylesheet"][data-vite-dev-id]').forEach((el) => {
      if (el.getAttribute('data-vite-dev-id') === id) {
        el.remove()
      }
    })
    linkSheetsMap.delete(id)
  }
  const style = sheetsMap.get(id)
  if (style) {
    style.remove()
    sheetsMap.delete(id)
  }
}

/** What the prelude of every module that uses HMR calls: `import.meta.hot = createHotContext("/its/url.js")`. */
export function createHotContext(ownerPath) {
  return new HMRContext(hmrClient, ownerPath)
}

/** Adds a query parameter in front of any existing ones: injectQuery('/a.svg?x', 'import') -> '/a.svg?import&x'. */
export function injectQuery(url, queryToInject) {
  // only URLs our server handles
  if (url[0] !== '.' && url[0] !== '/') {
    return url
  }
  // the pathname of a relative URL such as ../a.js cannot come from new URL()
  const pathname = url.replace(/[?#].*$/, '')
  const { search, hash } = new URL(url, 'http://vite.dev')
  return `${pathname}?${queryToInject}${search ? `&${search.slice(1)}` : ''}${hash || ''}`
}

// Server-rendered pages: an edited template updates the pages that used it in place
// (./morph.mjs); the server sends it only to clients that said they can.
if (hasDocument && typeof DOMParser !== 'undefined') {
  setupMorph(new HMRContext(hmrClient, '/@vite/morph.mjs'), {
    reload: pageReload,
    showError: (err) => (enableOverlay ? createErrorOverlay(err) : console.error(`[hmr] ${err.message}\n${err.stack}`)),
    clearError: () => enableOverlay && clearErrorOverlay(),
    notify: (event, data) => hmrClient.notifyListeners(event, data),
  })
}

// Frames are handled strictly one after another (see createHMRHandler).
const handle = createHMRHandler(handleMessage)
transport.connect((payload) => {
  handle(payload).catch((err) => console.error('[vite]', err))
})
