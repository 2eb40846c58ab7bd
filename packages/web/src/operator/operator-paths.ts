/** Where the operator console lives; a 401 anywhere in it leads to the login path. */
export const operatorPaths = {
  home: '/operator',
  login: '/operator/login',
  exporters: '/operator/exporters',
  exporter: (id: string) => `/operator/exporters/${encodeURIComponent(id)}`,
  products: '/operator/products',
  product: (id: string) => `/operator/products/${encodeURIComponent(id)}`,
  rates: '/operator/rates',
  hsRates: '/operator/hs-rates',
  categories: '/operator/categories',
  search: '/operator/search',
  orders: '/operator/orders',
  paymentAnomalies: '/operator/payment-anomalies',
  pavilions: '/operator/pavilions',
  pavilion: (id: string) => `/operator/pavilions/${encodeURIComponent(id)}`,
  customs: '/operator/customs',
} as const;
