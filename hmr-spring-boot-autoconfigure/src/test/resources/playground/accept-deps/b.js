export const b = 'b0'
