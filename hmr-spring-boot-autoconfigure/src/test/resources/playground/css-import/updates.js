// Logs what each update names, so tests can check what the wire carried.
import.meta.hot.on('vite:beforeUpdate', (e) =>
  console.log(`>>> updates -- ${e.updates.map((u) => `${u.type} ${u.path}`).join(', ')}`),
)
