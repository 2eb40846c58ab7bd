/** Where the exporter console lives; a 401 anywhere in it leads to the login path. */
export const exporterPaths = {
  home: '/exporter',
  login: '/exporter/login',
  apply: '/exporter/apply',
  invitation: (token: string) => `/exporter/invitations/${encodeURIComponent(token)}`,
  team: '/exporter/team',
  application: '/exporter/application',
  brands: '/exporter/brands',
  products: '/exporter/products',
  newProduct: '/exporter/products/new',
  product: (id: string) => `/exporter/products/${encodeURIComponent(id)}`,
  stock: '/exporter/stock',
  catalogImport: '/exporter/import',
  orders: '/exporter/orders',
  inquiries: '/exporter/inquiries',
  rfqs: '/exporter/rfqs',
} as const;
