/** Where the operator console lives; a 401 anywhere in it leads to the login path. */
export const operatorPaths = { home: '/operator', login: '/operator/login' } as const;
