export const plain = 'plain0'
