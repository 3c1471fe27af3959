export const value = 'first'
