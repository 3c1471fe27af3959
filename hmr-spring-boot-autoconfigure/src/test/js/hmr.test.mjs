// Unit tests of the HMR runtime (hmr.mjs) with no DOM and no socket: modules are simulated
// by factories that run with a fresh import.meta.hot each time they are (re-)imported.
// Run with: node --test src/test/js

import { test } from 'node:test'
import assert from 'node:assert/strict'

import { HMRClient, HMRContext, createHMRHandler } from '../../main/resources/dev/hmr/client/hmr.mjs'

/**
 * A page with simulated modules. `define(url, factory)` registers a module whose factory
 * gets (hot, log, version) and returns its namespace; `load(url)` runs it as the page
 * would; a js-update re-imports through `importUpdatedModule`, which bumps the version.
 */
function page({ importDelay = {}, failImport = new Set() } = {}) {
  const log = []
  const sent = []
  const imports = []
  let reloads = 0
  const factories = new Map()
  const versions = new Map()
  const logger = {
    debug: (msg) => log.push(`[vite] ${msg}`),
    error: (err) => log.push(`[vite] error: ${err instanceof Error ? err.message : err}`),
  }
  const transport = { send: (payload) => void sent.push(payload) }
  const client = new HMRClient(
    logger,
    transport,
    async (update) => {
      imports.push(`${update.acceptedPath}?t=${update.timestamp}`)
      if (importDelay[update.acceptedPath]) {
        await new Promise((resolve) => setTimeout(resolve, importDelay[update.acceptedPath]))
      }
      if (failImport.has(update.acceptedPath)) {
        throw new Error(`Failed to fetch dynamically imported module: ${update.acceptedPath}`)
      }
      versions.set(update.acceptedPath, (versions.get(update.acceptedPath) ?? 1) + 1)
      return run(update.acceptedPath)
    },
    () => reloads++,
  )
  function run(url) {
    const hot = new HMRContext(client, url)
    return factories.get(url)(hot, (line) => log.push(line), versions.get(url) ?? 1)
  }
  return {
    client,
    log,
    sent,
    imports,
    get reloads() {
      return reloads
    },
    define(url, factory) {
      factories.set(url, factory)
    },
    load: run,
    // the steps of the client's `update` case that involve the runtime
    async update(...updates) {
      const payload = { type: 'update', updates }
      await client.notifyListeners('vite:beforeUpdate', payload)
      await Promise.all(updates.map((u) => client.queueUpdate(u)))
      await client.notifyListeners('vite:afterUpdate', payload)
    },
  }
}

function jsUpdate(path, acceptedPath = path, timestamp = 1700000000000, extra = {}) {
  return {
    type: 'js-update',
    timestamp,
    path,
    acceptedPath,
    explicitImportRequired: false,
    isWithinCircularImport: false,
    ...extra,
  }
}

test('self-accepting module: dispose, then callbacks with the new module, then the log line (Vite "self accept")', async () => {
  const p = page()
  p.define('/hmr.ts', (hot, log, version) => {
    const foo = version
    hot.accept(({ foo }) => log(`(self-accepting 1) foo is now: ${foo}`))
    hot.accept(({ foo }) => log(`(self-accepting 2) foo is now: ${foo}`))
    hot.dispose(() => log(`foo was: ${foo}`))
    hot.on('vite:beforeUpdate', (event) => log(`>>> vite:beforeUpdate -- ${event.type}`))
    hot.on('vite:afterUpdate', (event) => log(`>>> vite:afterUpdate -- ${event.type}`))
    return { foo }
  })
  p.load('/hmr.ts')

  await p.update(jsUpdate('/hmr.ts'))
  await p.update(jsUpdate('/hmr.ts', '/hmr.ts', 1700000000001))

  const once = (from, to) => [
    '>>> vite:beforeUpdate -- update',
    `foo was: ${from}`,
    `(self-accepting 1) foo is now: ${to}`,
    `(self-accepting 2) foo is now: ${to}`,
    '[vite] hot updated: /hmr.ts',
    '>>> vite:afterUpdate -- update',
  ]
  assert.deepEqual(p.log, [...once(1, 2), ...once(2, 3)])
  assert.deepEqual(p.imports, ['/hmr.ts?t=1700000000000', '/hmr.ts?t=1700000000001'])
})

test('hot data persists across module instances (Vite "hot data persists across module instances")', async () => {
  const p = page()
  p.define('/hotData.js', (hot, log, value) => {
    if (hot.data.fromExecution !== undefined) {
      log(`(hot data) value from execution: ${hot.data.fromExecution}`)
      log(`(hot data) value from dispose: ${hot.data.fromDispose}`)
    }
    hot.data.fromExecution = value
    hot.dispose((data) => {
      data.fromDispose = value
    })
    hot.accept()
    return { value }
  })
  const data = p.load('/hotData.js') && p.client.dataMap.get('/hotData.js')

  await p.update(jsUpdate('/hotData.js'))
  await p.update(jsUpdate('/hotData.js', '/hotData.js', 1700000000001))

  assert.deepEqual(p.log, [
    '(hot data) value from execution: 1',
    '(hot data) value from dispose: 1',
    '[vite] hot updated: /hotData.js',
    '(hot data) value from execution: 2',
    '(hot data) value from dispose: 2',
    '[vite] hot updated: /hotData.js',
  ])
  assert.equal(p.client.dataMap.get('/hotData.js'), data, 'the same data object, mutated, not replaced')
})

test('accepted dep: dep disposes, dep re-runs, then the importer callbacks, single and array forms (Vite "accept dep")', async () => {
  const p = page()
  p.define('/hmrDep.js', (hot, log, foo) => {
    if (hot.data.fromDispose !== undefined) {
      log(`(dep) foo from dispose: ${hot.data.fromDispose}`)
    }
    hot.dispose((data) => {
      log(`(dep) foo was: ${foo}`)
      data.fromDispose = foo
    })
    return { foo, nestedFoo: 1 }
  })
  p.define('/hmr.ts', (hot, log) => {
    hot.accept('/hmrDep.js', ({ foo, nestedFoo }) => {
      log(`(single dep) foo is now: ${foo}`)
      log(`(single dep) nested foo is now: ${nestedFoo}`)
    })
    hot.accept(['/hmrDep.js'], ([{ foo, nestedFoo }]) => {
      log(`(multi deps) foo is now: ${foo}`)
      log(`(multi deps) nested foo is now: ${nestedFoo}`)
    })
    hot.on('vite:beforeUpdate', (event) => log(`>>> vite:beforeUpdate -- ${event.type}`))
    hot.on('vite:afterUpdate', (event) => log(`>>> vite:afterUpdate -- ${event.type}`))
  })
  p.load('/hmrDep.js')
  p.load('/hmr.ts')

  await p.update(jsUpdate('/hmr.ts', '/hmrDep.js'))

  assert.deepEqual(p.log, [
    '>>> vite:beforeUpdate -- update',
    '(dep) foo was: 1',
    '(dep) foo from dispose: 1',
    '(single dep) foo is now: 2',
    '(single dep) nested foo is now: 1',
    '(multi deps) foo is now: 2',
    '(multi deps) nested foo is now: 1',
    '[vite] hot updated: /hmrDep.js via /hmr.ts',
    '>>> vite:afterUpdate -- update',
  ])
})

test('a deps array callback gets an array aligned with the deps, the new module only where the dep was updated', async () => {
  const p = page()
  let received
  p.define('/b.js', (hot, log, version) => ({ b: version }))
  p.define('/main.js', (hot) => {
    hot.accept(['/a.js', '/b.js', '/c.js', '/b.js'], (mods) => {
      received = mods
    })
  })
  p.load('/main.js')

  await p.update(jsUpdate('/main.js', '/b.js'))

  assert.equal(received.length, 4)
  assert.equal(received[0], undefined)
  assert.deepEqual(received[1], { b: 2 })
  assert.equal(received[2], undefined)
  assert.equal(received[3], received[1])
})

test('an update whose boundary is not loaded in this page does nothing', async () => {
  const p = page()
  await p.update(jsUpdate('/lazy.js'))
  assert.deepEqual(p.imports, [])
  assert.deepEqual(p.log, [])
})

test('an update for a dep the boundary does not accept re-imports nothing', async () => {
  const p = page()
  p.define('/main.js', (hot) => hot.accept('/a.js', () => {}))
  p.load('/main.js')
  await p.update(jsUpdate('/main.js', '/other.js'))
  assert.deepEqual(p.imports, [])
  assert.deepEqual(p.log, [])
})

test('a failed re-import logs "Failed to reload" and calls the callbacks with undefined', async () => {
  const p = page({ failImport: new Set(['/broken.js']) })
  const received = []
  p.define('/broken.js', (hot) => hot.accept((mod) => received.push(mod)))
  p.load('/broken.js')

  await p.update(jsUpdate('/broken.js'))

  assert.deepEqual(received, [undefined])
  assert.deepEqual(p.log, [
    '[vite] error: Failed to reload /broken.js. This could be due to syntax errors or importing non-existent modules. (see errors above)',
    '[vite] hot updated: /broken.js',
  ])
})

test('updates that arrive together are fetched in parallel and applied in the order they were sent', async () => {
  const p = page({ importDelay: { '/first.js': 60, '/second.js': 30, '/third.js': 0 } })
  for (const url of ['/first.js', '/second.js', '/third.js']) {
    p.define(url, (hot, log, version) => {
      log(`${url} runs v${version}`)
      hot.accept(() => log(`${url} accepted`))
    })
    p.load(url)
  }
  p.log.length = 0

  await p.update(jsUpdate('/first.js'), jsUpdate('/second.js'), jsUpdate('/third.js'))

  assert.deepEqual(p.log, [
    // fetched in parallel: the fastest import runs first...
    '/third.js runs v2',
    '/second.js runs v2',
    '/first.js runs v2',
    // ...but callbacks run in the order the updates were sent
    '/first.js accepted',
    '[vite] hot updated: /first.js',
    '/second.js accepted',
    '[vite] hot updated: /second.js',
    '/third.js accepted',
    '[vite] hot updated: /third.js',
  ])
})

test('frames are handled strictly one after another, and a failing frame does not stop the next', async () => {
  const events = []
  const handle = createHMRHandler(async (payload) => {
    events.push(`start ${payload.n}`)
    await new Promise((resolve) => setTimeout(resolve, payload.delay))
    events.push(`end ${payload.n}`)
    if (payload.fail) {
      throw new Error(`frame ${payload.n} failed`)
    }
  })

  const first = handle({ n: 1, delay: 40 })
  const second = handle({ n: 2, delay: 0, fail: true })
  const third = handle({ n: 3, delay: 10 })

  await first
  await assert.rejects(second, /frame 2 failed/)
  await third
  assert.deepEqual(events, ['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3'])
})

test('prune runs every dispose handler, then every prune handler, then forgets the data', async () => {
  const p = page()
  for (const url of ['/dep2.js', '/dep3.js']) {
    p.define(url, (hot, log) => {
      log(`${url} data: ${JSON.stringify(hot.data)}`)
      hot.data.loaded = true
      hot.dispose((data) => log(`${url} disposed (loaded=${data.loaded})`))
      hot.prune((data) => log(`${url} pruned (loaded=${data.loaded})`))
    })
    p.load(url)
  }

  await p.client.prunePaths(['/dep2.js', '/dep3.js'])
  p.load('/dep2.js')

  assert.deepEqual(p.log, [
    '/dep2.js data: {}',
    '/dep3.js data: {}',
    '/dep2.js disposed (loaded=true)',
    '/dep3.js disposed (loaded=true)',
    '/dep2.js pruned (loaded=true)',
    '/dep3.js pruned (loaded=true)',
    '/dep2.js data: {}',
  ])
})

test('invalidate fires vite:invalidate locally, sends it to the server and logs it, first invalidated by itself', async () => {
  const p = page()
  const local = []
  p.define('/child.js', (hot) => {
    hot.on('vite:invalidate', (data) => local.push(data))
    return { hot }
  })
  const { hot } = p.load('/child.js')

  hot.invalidate('not hot-updatable')
  hot.invalidate()

  const withMessage = { path: '/child.js', message: 'not hot-updatable', firstInvalidatedBy: '/child.js' }
  const withoutMessage = { path: '/child.js', message: undefined, firstInvalidatedBy: '/child.js' }
  assert.deepEqual(local, [withMessage, withoutMessage])
  assert.deepEqual(p.sent, [
    { type: 'custom', event: 'vite:invalidate', data: withMessage },
    { type: 'custom', event: 'vite:invalidate', data: withoutMessage },
  ])
  assert.deepEqual(p.log, ['[vite] invalidate /child.js: not hot-updatable', '[vite] invalidate /child.js'])
})

test('invalidate inside the callback of an update caused by an invalidation keeps its firstInvalidatedBy', async () => {
  const p = page()
  p.define('/parent.js', (hot) => {
    hot.accept(() => hot.invalidate())
  })
  p.load('/parent.js')

  await p.update(jsUpdate('/parent.js', '/parent.js', 1700000000000, { firstInvalidatedBy: '/child.js' }))
  p.client.hotModulesMap.get('/parent.js').callbacks[0].fn([{}]) // outside an update: its own path

  assert.deepEqual(
    p.sent.map((s) => s.data.firstInvalidatedBy),
    ['/child.js', '/parent.js'],
  )
  assert.equal(p.client.currentFirstInvalidatedBy, undefined)
})

test('a new context for the same URL clears the previous instance accept callbacks and listeners, not its data', async () => {
  const p = page()
  const calls = []
  const first = new HMRContext(p.client, '/a.js')
  first.accept(() => calls.push('old accept'))
  first.on('my:event', () => calls.push('old listener'))
  first.data.kept = 'yes'
  const other = new HMRContext(p.client, '/other.js')
  other.on('my:event', () => calls.push('other module listener'))

  const second = new HMRContext(p.client, '/a.js')
  second.on('my:event', () => calls.push('new listener'))
  await p.client.notifyListeners('my:event', {})

  assert.deepEqual(p.client.hotModulesMap.get('/a.js').callbacks, [])
  assert.deepEqual(calls, ['other module listener', 'new listener'])
  assert.equal(second.data.kept, 'yes')
})

test('off removes only the given listener', async () => {
  const p = page()
  const calls = []
  const hot = new HMRContext(p.client, '/a.js')
  const one = () => calls.push('one')
  hot.on('custom:foo', one)
  hot.on('custom:foo', () => calls.push('two'))
  hot.off('custom:foo', one)
  hot.off('custom:never-registered', one)
  await p.client.notifyListeners('custom:foo', {})
  assert.deepEqual(calls, ['two'])
})

test('a listener that throws or rejects does not stop the others, and its error is logged', async () => {
  const p = page()
  const calls = []
  const hot = new HMRContext(p.client, '/a.js')
  hot.on('vite:beforeUpdate', () => {
    throw new Error('sync boom')
  })
  hot.on('vite:beforeUpdate', async () => {
    throw new Error('async boom')
  })
  hot.on('vite:beforeUpdate', () => calls.push('third ran'))

  await p.client.notifyListeners('vite:beforeUpdate', { type: 'update', updates: [] })

  assert.deepEqual(calls, ['third ran'])
  assert.deepEqual(p.log, ['[vite] error: sync boom', '[vite] error: async boom'])
})

test('an accept callback that throws does not stop the other callbacks', async () => {
  const p = page()
  const calls = []
  p.define('/a.js', (hot) => {
    hot.accept(() => {
      throw new Error('callback boom')
    })
    hot.accept(() => calls.push('second callback'))
  })
  p.load('/a.js')
  await p.update(jsUpdate('/a.js'))
  assert.deepEqual(calls, ['second callback'])
  assert.deepEqual(p.log, ['[vite] error: callback boom'])
})

test('an update of a module that declined reloads the page instead of applying (the seed semantics, not Vite)', async () => {
  const p = page()
  const calls = []
  p.define('/declining.js', (hot, log, version) => {
    hot.decline()
    hot.dispose(() => calls.push('disposed'))
    return { version }
  })
  p.define('/parent.js', (hot) => hot.accept('/declining.js', () => calls.push('accepted')))
  p.load('/declining.js')
  p.load('/parent.js')

  await p.update(jsUpdate('/parent.js', '/declining.js'))

  assert.equal(p.reloads, 1)
  assert.deepEqual(p.imports, [])
  assert.deepEqual(calls, [])
  assert.deepEqual(p.log, ['[vite] /declining.js declined the update of /declining.js; reloading the page.'])
})

test('an update whose boundary declined reloads the page', async () => {
  const p = page()
  p.define('/boundary.js', (hot) => {
    hot.accept('/dep.js', () => {})
    hot.decline()
  })
  p.load('/boundary.js')
  await p.update(jsUpdate('/boundary.js', '/dep.js'))
  assert.equal(p.reloads, 1)
  assert.deepEqual(p.imports, [])
})

test('a re-run module that no longer calls decline() is hot updated again', async () => {
  const p = page()
  new HMRContext(p.client, '/a.js').decline()
  new HMRContext(p.client, '/a.js').accept()
  await p.update(jsUpdate('/a.js'))
  assert.equal(p.reloads, 0)
})

test('accept with anything but a function, a string or an array throws', () => {
  const hot = new HMRContext(page().client, '/a.js')
  assert.throws(() => hot.accept(42), { message: 'invalid hot.accept() usage.' })
})

test('acceptExports accepts the module itself, whatever the names', async () => {
  const p = page()
  const received = []
  p.define('/callback.ts', (hot, log, version) => {
    hot.acceptExports(['x'], (mod) => received.push(mod.x))
    return { x: version }
  })
  p.load('/callback.ts')
  await p.update(jsUpdate('/callback.ts'))
  assert.deepEqual(received, [2])
  assert.deepEqual(p.log, ['[vite] hot updated: /callback.ts'])
})

test('send wraps the event as a custom payload, and a failed send is logged, not thrown', async () => {
  const log = []
  const sent = []
  let fail = false
  const client = new HMRClient(
    { debug: () => {}, error: (err) => log.push(err.message) },
    {
      send: async (payload) => {
        if (fail) {
          throw new Error('socket closed')
        }
        sent.push(payload)
      },
    },
    async () => ({}),
  )
  const hot = new HMRContext(client, '/a.js')
  hot.send('custom:remote-add', { a: 1, b: 2 })
  fail = true
  hot.send('custom:lost')
  await new Promise((resolve) => setTimeout(resolve, 0))
  assert.deepEqual(sent, [{ type: 'custom', event: 'custom:remote-add', data: { a: 1, b: 2 } }])
  assert.deepEqual(log, ['socket closed'])
})
