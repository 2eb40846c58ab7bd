/** Where the exporter console lives; a 401 anywhere in it leads to the login path. */
export const exporterPaths = { home: '/exporter', login: '/exporter/login' } as const;
