// Tests of the entry (client.mjs) in Node: its one message switch, the socket transport and
// the restart polling, against a scripted fake WebSocket. Each test loads a fresh copy of
// the three client files, with the settings filled in as the server does, into a temporary
// directory; fixture modules are real files there, so re-imports (`?t=`) really run them.
// The DOM parts (overlay element, <link> swap, <style>) are tested in Chromium
// (ClientInBrowserIntegrationTests).

import { test, afterEach } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const clientDir = fileURLToPath(new URL('../../main/resources/dev/hmr/client/', import.meta.url))

class FakeWebSocket extends EventTarget {
  static CONNECTING = 0
  static OPEN = 1
  static CLOSING = 2
  static CLOSED = 3
  static instances = []

  constructor(url, protocol) {
    super()
    this.url = url
    this.protocol = protocol
    this.readyState = FakeWebSocket.CONNECTING
    this.sent = []
    FakeWebSocket.instances.push(this)
  }

  send(data) {
    if (this.readyState !== FakeWebSocket.OPEN) {
      throw new Error('InvalidStateError: not open')
    }
    this.sent.push(data)
  }

  close() {
    if (this.readyState !== FakeWebSocket.CLOSED) {
      this.readyState = FakeWebSocket.CLOSED
      this.dispatchEvent(new Event('close'))
    }
  }

  // what the server side does
  accept() {
    this.readyState = FakeWebSocket.OPEN
    this.dispatchEvent(new Event('open'))
  }

  push(payload) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(payload) }))
  }

  drop() {
    this.readyState = FakeWebSocket.CLOSED
    this.dispatchEvent(new Event('close'))
  }

  refuse() {
    this.dispatchEvent(new Event('error'))
    this.drop()
  }
}

const SETTINGS = {
  HMR_PROTOCOL: 'ws',
  HMR_HOSTNAME: 'localhost',
  HMR_PORT: 5173,
  HMR_BASE: '/@hmr',
  HMR_TIMEOUT: 30000,
  HMR_ENABLE_OVERLAY: true,
  WS_TOKEN: 'tok3n',
}

let cleanups = []

afterEach(() => {
  for (const cleanup of cleanups) {
    cleanup()
  }
  cleanups = []
})

/**
 * A page: globals (WebSocket, location, document, window, console) and a fresh copy of
 * the client with the given settings.
 */
async function openPage({ settings = {}, pathname = '/index.html', document = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hmr-client-'))
  mkdirSync(join(dir, '@vite'))
  const values = { ...SETTINGS, ...settings, BASE: `${dir}/` }
  for (const name of ['client.mjs', 'hmr.mjs', 'overlay.mjs', 'morph.mjs']) {
    const source = readFileSync(join(clientDir, name), 'utf8').replace(
      /__(HMR_PROTOCOL|HMR_HOSTNAME|HMR_PORT|HMR_BASE|HMR_TIMEOUT|HMR_ENABLE_OVERLAY|WS_TOKEN|BASE)__/g,
      (_, key) => JSON.stringify(values[key]),
    )
    writeFileSync(join(dir, '@vite', name), source)
  }

  const logs = []
  const original = { ...console }
  for (const level of ['debug', 'log', 'info', 'warn', 'error']) {
    console[level] = (...args) =>
      logs.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? String(a) : JSON.stringify(a))).join(' '))
  }
  let reloads = 0
  FakeWebSocket.instances = []
  globalThis.WebSocket = FakeWebSocket
  // the base is the temporary directory, so page paths start with it (as with a base of /dev/)
  globalThis.location = { pathname: `${dir}${pathname}`, reload: () => reloads++ }
  globalThis.window = new EventTarget()
  const overlays = []
  if (document) {
    const doc = new EventTarget()
    doc.visibilityState = 'visible'
    doc.querySelectorAll = (selector) => (selector === 'vite-error-overlay' ? [...overlays] : [])
    doc.querySelector = () => null
    globalThis.document = doc
  } else {
    delete globalThis.document
  }

  const clientUrl = pathToFileURL(join(dir, '@vite', 'client.mjs')).href
  const client = await import(clientUrl)
  const socket = FakeWebSocket.instances[0]

  cleanups.push(() => {
    // leave the page: no restart polling after this
    globalThis.window.dispatchEvent(new Event('beforeunload'))
    for (const s of FakeWebSocket.instances) {
      s.drop()
    }
    Object.assign(console, original)
    rmSync(dir, { recursive: true, force: true })
  })

  return {
    client,
    socket,
    logs,
    overlays,
    get reloads() {
      return reloads
    },
    /** Write a module at a URL, with the prelude our server adds to modules that use import.meta.hot. */
    writeModule(url, body) {
      const file = join(dir, url)
      mkdirSync(dirname(file), { recursive: true })
      const prelude = `import { createHotContext as __vite__createHotContext } from ${JSON.stringify(clientUrl)};import.meta.hot = __vite__createHotContext(${JSON.stringify(url)});`
      writeFileSync(file, prelude + '\n' + body)
    },
    importModule(url) {
      return import(pathToFileURL(join(dir, url)).href)
    },
    sentPayloads() {
      return socket.sent.map((s) => JSON.parse(s))
    },
  }
}

async function until(predicate, what = 'condition', timeout = 3000) {
  const deadline = Date.now() + timeout
  while (!predicate()) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms))

let nextTimestamp = 1700000000000
function jsUpdate(path, acceptedPath = path, extra = {}) {
  return {
    type: 'js-update',
    timestamp: nextTimestamp++,
    path,
    acceptedPath,
    explicitImportRequired: false,
    isWithinCircularImport: false,
    ...extra,
  }
}

const EVENT_LOGGERS = `
import.meta.hot.on('vite:beforeUpdate', (event) => console.log('>>> vite:beforeUpdate -- ' + event.type))
import.meta.hot.on('vite:afterUpdate', (event) => console.log('>>> vite:afterUpdate -- ' + event.type))
import.meta.hot.on('vite:invalidate', ({ path }) => console.log('>>> vite:invalidate -- ' + path))
import.meta.hot.on('vite:error', (event) => console.log('>>> vite:error -- ' + event.err.message))
`

test('connects with the token and the vite-hmr subprotocol, and logs connecting then connected', async () => {
  const page = await openPage()
  const connects = []
  page.client.createHotContext('/main.js').on('vite:ws:connect', ({ webSocket }) => connects.push(webSocket))

  page.socket.accept()
  page.socket.push({ type: 'connected' })
  await until(() => page.logs.includes('[vite] connected.'))

  assert.equal(page.socket.url, 'ws://localhost:5173/@hmr?token=tok3n')
  assert.equal(page.socket.protocol, 'vite-hmr')
  assert.deepEqual(page.logs, ['[vite] connecting...', '[vite] connected.'])
  assert.deepEqual(connects, [page.socket])
})

test('the entry exports exactly what Vite\'s client exports', async () => {
  const page = await openPage()
  assert.deepEqual(Object.keys(page.client).sort(), [
    'ErrorOverlay',
    'createHotContext',
    'injectQuery',
    'removeStyle',
    'updateStyle',
  ])
})

test('a socket on the default port of the scheme leaves the port out of the URL', async () => {
  const page = await openPage({ settings: { HMR_PROTOCOL: 'wss', HMR_HOSTNAME: 'app.example.com', HMR_PORT: null } })
  assert.equal(page.socket.url, 'wss://app.example.com/@hmr?token=tok3n')
})

test('pings every timeout while open', async () => {
  const page = await openPage({ settings: { HMR_TIMEOUT: 20 } })
  page.socket.accept()
  await until(() => page.socket.sent.length >= 2, 'two pings')
  assert.deepEqual(page.socket.sent.slice(0, 2), ['{"type":"ping"}', '{"type":"ping"}'])
})

test('send before the socket opens waits for it, in order', async () => {
  const page = await openPage()
  const hot = page.client.createHotContext('/main.js')
  hot.send('custom:first', { n: 1 })
  hot.send('custom:second')
  assert.deepEqual(page.socket.sent, [])

  page.socket.accept()

  assert.deepEqual(page.sentPayloads(), [
    { type: 'custom', event: 'custom:first', data: { n: 1 } },
    { type: 'custom', event: 'custom:second' },
  ])
})

test('self accept: the log order of Vite\'s "self accept" scenario', async () => {
  const page = await openPage()
  const hmr = (foo) => `
export const foo = ${foo}
if (import.meta.hot) {
  import.meta.hot.accept(({ foo }) => console.log('(self-accepting 1) foo is now:', foo))
  import.meta.hot.accept(({ foo }) => console.log('(self-accepting 2) foo is now:', foo))
  import.meta.hot.dispose(() => console.log('foo was:', foo))
  ${EVENT_LOGGERS}
}`
  page.writeModule('/hmr.js', hmr(1))
  await page.importModule('/hmr.js')
  page.socket.accept()
  page.logs.length = 0

  page.writeModule('/hmr.js', hmr(2))
  page.socket.push({ type: 'update', updates: [jsUpdate('/hmr.js')] })
  await until(() => page.logs.includes('>>> vite:afterUpdate -- update'))
  page.writeModule('/hmr.js', hmr(3))
  page.socket.push({ type: 'update', updates: [jsUpdate('/hmr.js')] })
  await until(() => page.logs.filter((l) => l === '>>> vite:afterUpdate -- update').length === 2)

  const once = (from, to) => [
    '>>> vite:beforeUpdate -- update',
    `foo was: ${from}`,
    `(self-accepting 1) foo is now: ${to}`,
    `(self-accepting 2) foo is now: ${to}`,
    '[vite] hot updated: /hmr.js',
    '>>> vite:afterUpdate -- update',
  ]
  assert.deepEqual(page.logs, [...once(1, 2), ...once(2, 3)])
})

test('accept dep: the log order of Vite\'s "accept dep" scenario', async () => {
  const page = await openPage()
  const dep = (foo) => `
export const foo = ${foo}
export const nestedFoo = 1
if (import.meta.hot) {
  const data = import.meta.hot.data
  if ('fromDispose' in data) {
    console.log('(dep) foo from dispose:', data.fromDispose)
  }
  import.meta.hot.dispose((data) => {
    console.log('(dep) foo was:', foo)
    data.fromDispose = foo
  })
}`
  page.writeModule('/hmrDep.js', dep(1))
  page.writeModule(
    '/hmr.js',
    `
import { foo } from './hmrDep.js'
if (import.meta.hot) {
  import.meta.hot.accept("/hmrDep.js", ({ foo, nestedFoo }) => {
    console.log('(single dep) foo is now:', foo)
    console.log('(single dep) nested foo is now:', nestedFoo)
  })
  import.meta.hot.accept(["/hmrDep.js"], ([{ foo, nestedFoo }]) => {
    console.log('(multi deps) foo is now:', foo)
    console.log('(multi deps) nested foo is now:', nestedFoo)
  })
  ${EVENT_LOGGERS}
}`,
  )
  await page.importModule('/hmr.js')
  page.socket.accept()

  page.writeModule('/hmrDep.js', dep(2))
  page.socket.push({ type: 'update', updates: [jsUpdate('/hmr.js', '/hmrDep.js')] })
  await until(() => page.logs.includes('>>> vite:afterUpdate -- update'))

  assert.deepEqual(page.logs.slice(1), [
    '>>> vite:beforeUpdate -- update',
    '(dep) foo was: 1',
    '(dep) foo from dispose: 1',
    '(single dep) foo is now: 2',
    '(single dep) nested foo is now: 1',
    '(multi deps) foo is now: 2',
    '(multi deps) nested foo is now: 1',
    '[vite] hot updated: /hmrDep.js via /hmr.js',
    '>>> vite:afterUpdate -- update',
  ])
})

test('invalidate: the log order of Vite\'s "invalidate" scenario, and the message to the server', async () => {
  const page = await openPage()
  page.writeModule(
    '/invalidation/child.js',
    `
if (import.meta.hot) {
  import.meta.hot.accept(() => import.meta.hot.invalidate())
}
export const value = 'child'`,
  )
  const parent = `
import { value } from './child.js'
console.log('(invalidation) parent is executing')
if (import.meta.hot) {
  import.meta.hot.accept()
  ${EVENT_LOGGERS}
}`
  page.writeModule('/invalidation/parent.js', parent)
  await page.importModule('/invalidation/parent.js')
  page.socket.accept()
  page.logs.length = 0

  const first = jsUpdate('/invalidation/child.js')
  page.socket.push({ type: 'update', updates: [first] })
  await until(() => page.sentPayloads().length === 1, 'the invalidation')
  // what our server answers: an update of the importer, first invalidated by the child
  page.socket.push({
    type: 'update',
    updates: [{ ...jsUpdate('/invalidation/parent.js'), timestamp: first.timestamp, firstInvalidatedBy: '/invalidation/child.js' }],
  })
  await until(() => page.logs.filter((l) => l === '>>> vite:afterUpdate -- update').length === 2)

  assert.deepEqual(page.sentPayloads(), [
    {
      type: 'custom',
      event: 'vite:invalidate',
      data: { path: '/invalidation/child.js', firstInvalidatedBy: '/invalidation/child.js' },
    },
  ])
  assert.deepEqual(page.logs, [
    '>>> vite:beforeUpdate -- update',
    '>>> vite:invalidate -- /invalidation/child.js',
    '[vite] invalidate /invalidation/child.js',
    '[vite] hot updated: /invalidation/child.js',
    '>>> vite:afterUpdate -- update',
    '>>> vite:beforeUpdate -- update',
    '(invalidation) parent is executing',
    '[vite] hot updated: /invalidation/parent.js',
    '>>> vite:afterUpdate -- update',
  ])
})

test('frames are handled one after another: the next update waits for the previous re-import', async () => {
  const page = await openPage()
  page.writeModule('/slow.js', `import.meta.hot.accept(); ${EVENT_LOGGERS}`)
  page.writeModule('/fast.js', 'import.meta.hot.accept()')
  await page.importModule('/slow.js')
  await page.importModule('/fast.js')
  page.socket.accept()
  page.logs.length = 0

  // top-level await makes the re-import of slow.js take a while
  page.writeModule('/slow.js', `await new Promise((r) => setTimeout(r, 80)); console.log('slow.js ran'); import.meta.hot.accept(); ${EVENT_LOGGERS}`)
  page.socket.push({ type: 'update', updates: [jsUpdate('/slow.js')] })
  page.socket.push({ type: 'update', updates: [jsUpdate('/fast.js')] })
  await until(() => page.logs.includes('[vite] hot updated: /fast.js'))

  assert.deepEqual(page.logs, [
    '>>> vite:beforeUpdate -- update',
    'slow.js ran',
    '[vite] hot updated: /slow.js',
    '>>> vite:afterUpdate -- update',
    '>>> vite:beforeUpdate -- update',
    '[vite] hot updated: /fast.js',
    '>>> vite:afterUpdate -- update',
  ])
})

test('re-imports add import& when explicitImportRequired and keep the original query after t', async () => {
  const page = await openPage()
  page.writeModule('/logo.js', 'export const url = import.meta.url')
  page.writeModule(
    '/main.js',
    `import.meta.hot.accept(["/logo.js", "/q.js?raw=1"], ([logo, q]) => console.log('url', (logo ?? q).url.replace(/^.*\\//, '')))`,
  )
  page.writeModule('/q.js', 'export const url = import.meta.url')
  await page.importModule('/main.js')
  page.socket.accept()

  page.socket.push({
    type: 'update',
    updates: [{ ...jsUpdate('/main.js', '/logo.js', { explicitImportRequired: true }), timestamp: 1700000000999 }],
  })
  page.socket.push({ type: 'update', updates: [{ ...jsUpdate('/main.js', '/q.js?raw=1'), timestamp: 1700000000998 }] })
  await until(() => page.logs.filter((l) => l.startsWith('url ')).length === 2)

  assert.deepEqual(
    page.logs.filter((l) => l.startsWith('url ')),
    ['url logo.js?import&t=1700000000999', 'url q.js?t=1700000000998&raw=1'],
  )
})

test('full-reload of every page reloads once, debounced', async () => {
  const page = await openPage()
  const events = []
  page.client.createHotContext('/main.js').on('vite:beforeFullReload', (p) => events.push(p))
  page.socket.accept()
  page.socket.push({ type: 'full-reload', path: '*', triggeredBy: '/abs/project/plain.js' })
  page.socket.push({ type: 'full-reload' })
  await until(() => events.length === 2)
  await settle()
  assert.equal(page.reloads, 1)
})

for (const [pathname, path, reloads] of [
  ['/index.html', '/other.html', 0],
  ['/other.html', '/other.html', 1],
  ['/foo/', '/index.html', 1],
  ['/docs/', '/docs/index.html', 1],
  ['/docs/', '/index2.html', 0],
  ['/unicode-path/%E4%B8%AD%E6%96%87-%F0%9F%8C%95/index.html', '/unicode-path/中文-🌕/index.html', 1],
]) {
  test(`full-reload of ${path} on ${decodeURI(pathname)} ${reloads ? 'reloads' : 'does not reload, but still fires vite:beforeFullReload'}`, async () => {
    const page = await openPage({ pathname })
    const events = []
    page.client.createHotContext('/main.js').on('vite:beforeFullReload', (p) => events.push(p.path))
    page.socket.accept()
    page.socket.push({ type: 'full-reload', path })
    await until(() => events.length === 1)
    await settle()
    assert.equal(page.reloads, reloads)
  })
}

test('prune: vite:beforePrune, then dispose, then prune', async () => {
  const page = await openPage()
  page.writeModule(
    '/prune/dep2.js',
    `
import.meta.hot.dispose(() => console.log('dep2-disposed'))
import.meta.hot.prune(() => console.log('dep2-pruned'))
import.meta.hot.on('vite:beforePrune', (p) => console.log('>>> vite:beforePrune -- ' + p.paths.join()))`,
  )
  await page.importModule('/prune/dep2.js')
  page.socket.accept()
  page.logs.length = 0

  page.socket.push({ type: 'prune', paths: ['/prune/dep2.js'] })
  await until(() => page.logs.includes('dep2-pruned'))

  assert.deepEqual(page.logs, ['>>> vite:beforePrune -- /prune/dep2.js', 'dep2-disposed', 'dep2-pruned'])
})

test('error with the overlay disabled: vite:error, then the error on the console', async () => {
  const page = await openPage({ settings: { HMR_ENABLE_OVERLAY: false } })
  page.client.createHotContext('/main.js').on('vite:error', (p) => console.log('>>> vite:error -- ' + p.err.message))
  page.socket.accept()
  page.logs.length = 0

  page.socket.push({ type: 'error', err: { message: 'Unexpected token', stack: '    at parse (file.js:1:1)' } })
  await until(() => page.logs.length === 2)

  assert.deepEqual(page.logs, [
    '>>> vite:error -- Unexpected token',
    '[vite] Internal Server Error\nUnexpected token\n    at parse (file.js:1:1)',
  ])
})

test('the first update on a page that opened with an error overlay reloads instead of applying', async () => {
  const page = await openPage()
  page.writeModule('/a.js', 'import.meta.hot.accept(() => console.log("applied"))')
  await page.importModule('/a.js')
  page.overlays.push({ close() {} })
  page.socket.accept()

  page.socket.push({ type: 'update', updates: [jsUpdate('/a.js')] })
  await until(() => page.reloads === 1)
  await settle()
  assert.ok(!page.logs.includes('applied'))
})

test('an update closes the overlay of an earlier error', async () => {
  const page = await openPage()
  page.writeModule('/a.js', 'import.meta.hot.accept(() => console.log("applied"))')
  await page.importModule('/a.js')
  page.socket.accept()
  page.socket.push({ type: 'update', updates: [jsUpdate('/a.js')] })
  await until(() => page.logs.includes('applied'))
  let closed = 0
  page.overlays.push({ close: () => closed++ })

  page.socket.push({ type: 'update', updates: [jsUpdate('/a.js')] })
  await until(() => page.logs.filter((l) => l === 'applied').length === 2)
  assert.equal(closed, 1)
  assert.equal(page.reloads, 0)
})

test('custom events reach their listeners with their data', async () => {
  const page = await openPage()
  const received = []
  page.client.createHotContext('/main.js').on('custom:foo', (data) => received.push(data))
  page.socket.accept()
  page.socket.push({ type: 'custom', event: 'custom:foo', data: { msg: 'edited2' } })
  page.socket.push({ type: 'custom', event: 'custom:other', data: 1 })
  await until(() => received.length === 1)
  assert.deepEqual(received, [{ msg: 'edited2' }])
})

test('a module that declines an update makes the page reload', async () => {
  const page = await openPage()
  page.writeModule('/declined.js', 'import.meta.hot.decline()')
  page.writeModule('/main.js', 'import "./declined.js"; import.meta.hot.accept("/declined.js", () => console.log("applied"))')
  await page.importModule('/main.js')
  page.socket.accept()
  page.socket.push({ type: 'update', updates: [jsUpdate('/main.js', '/declined.js')] })
  await until(() => page.reloads === 1)
  assert.ok(!page.logs.includes('applied'))
})

test('a failed re-import within a circular import reloads the page', async () => {
  const page = await openPage()
  page.writeModule('/circ/c.js', 'import.meta.hot.accept()')
  await page.importModule('/circ/c.js')
  page.socket.accept()
  page.writeModule('/circ/c.js', 'import "./missing.js"')
  page.socket.push({ type: 'update', updates: [jsUpdate('/circ/c.js', '/circ/c.js', { isWithinCircularImport: true })] })
  await until(() => page.reloads === 1)
  assert.ok(
    page.logs.includes(
      '[vite] Failed to reload /circ/c.js. This could be due to syntax errors or importing non-existent modules. (see errors above)',
    ),
  )
})

test('lost connection: vite:ws:disconnect, the log line, then vite-ping polling without the token, then one reload', async () => {
  const page = await openPage()
  const disconnects = []
  page.client.createHotContext('/main.js').on('vite:ws:disconnect', ({ webSocket }) => disconnects.push(webSocket))
  page.socket.accept()

  page.socket.drop()
  await until(() => FakeWebSocket.instances.length === 2, 'the first ping')
  const firstPing = FakeWebSocket.instances[1]
  assert.deepEqual(disconnects, [page.socket])
  assert.ok(page.logs.includes('[vite] server connection lost. Polling for restart...'))
  assert.equal(firstPing.url, 'ws://localhost:5173/@hmr')
  assert.equal(firstPing.protocol, 'vite-ping')

  firstPing.refuse() // the server is still down
  await settle(300)
  assert.equal(FakeWebSocket.instances.length, 2, 'waits about a second before the next ping')
  await until(() => FakeWebSocket.instances.length === 3, 'the second ping', 2000)
  FakeWebSocket.instances[2].accept() // back
  await until(() => page.reloads === 1)
  await settle()
  assert.equal(page.reloads, 1)
  assert.equal(FakeWebSocket.instances.length, 3)
})

test('while the tab is hidden polling waits, and resumes when it is shown', async () => {
  const page = await openPage()
  page.socket.accept()
  globalThis.document.visibilityState = 'hidden'

  page.socket.drop()
  await until(() => FakeWebSocket.instances.length === 2, 'the first ping')
  FakeWebSocket.instances[1].refuse()
  await settle(1300)
  assert.equal(FakeWebSocket.instances.length, 2, 'no ping while hidden')

  globalThis.document.visibilityState = 'visible'
  globalThis.document.dispatchEvent(new Event('visibilitychange'))
  await until(() => FakeWebSocket.instances.length === 3, 'a ping once visible')
  FakeWebSocket.instances[2].accept()
  await until(() => page.reloads === 1)
})

test('a page that is unloading does not poll', async () => {
  const page = await openPage()
  page.socket.accept()
  globalThis.window.dispatchEvent(new Event('beforeunload'))
  page.socket.drop()
  await settle()
  assert.equal(FakeWebSocket.instances.length, 1)
  assert.ok(!page.logs.includes('[vite] server connection lost. Polling for restart...'))
})

test('a socket that never opens is reported, does not poll, and fails pending sends', async () => {
  const page = await openPage()
  page.client.createHotContext('/main.js').send('custom:early')
  page.socket.refuse()
  await settle()
  assert.equal(FakeWebSocket.instances.length, 1)
  assert.ok(page.logs.some((l) => l.startsWith('[vite] failed to connect to websocket (Error: WebSocket closed without opened.)')))
  assert.ok(page.logs.includes('[vite] Error: WebSocket closed without opened.'))
})

test('injectQuery puts the query first and keeps the rest', async () => {
  const { client } = await openPage()
  assert.equal(client.injectQuery('/logo.svg', 'import'), '/logo.svg?import')
  assert.equal(client.injectQuery('/logo.svg?x=1#h', 'import'), '/logo.svg?import&x=1#h')
  assert.equal(client.injectQuery('../a.js', 'import'), '../a.js?import')
  assert.equal(client.injectQuery('https://cdn.example.com/a.js', 'import'), 'https://cdn.example.com/a.js')
})
