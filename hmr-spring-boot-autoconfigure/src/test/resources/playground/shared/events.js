// Logs the client's events as Vite's playground/hmr does, so tests can check their order.
import.meta.hot.on('vite:beforeUpdate', (e) => console.log(`>>> vite:beforeUpdate -- ${e.type}`))
import.meta.hot.on('vite:afterUpdate', (e) => console.log(`>>> vite:afterUpdate -- ${e.type}`))
import.meta.hot.on('vite:beforeFullReload', (e) => console.log(`>>> vite:beforeFullReload -- ${e.type}`))
import.meta.hot.on('vite:beforePrune', (e) => console.log(`>>> vite:beforePrune -- ${e.type}`))
import.meta.hot.on('vite:invalidate', (e) => console.log(`>>> vite:invalidate -- ${e.path}`))
import.meta.hot.on('vite:error', (e) => console.log(`>>> vite:error -- ${e.err.message}`))
