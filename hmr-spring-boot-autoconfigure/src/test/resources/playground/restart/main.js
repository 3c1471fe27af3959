const loads = Number(sessionStorage.getItem('restart-loads') ?? 0) + 1
sessionStorage.setItem('restart-loads', String(loads))
console.log(`(restart) page load ${loads}`)
