import { setupServer } from 'msw/node';
import { handlers } from '@mocks/handlers';

/** The demo backend's handlers, under Node, for component tests. One per test file. */
export const server = setupServer(...handlers);
