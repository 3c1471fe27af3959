export const unchanged = 'kept'
