export const nested = 'nested0'
