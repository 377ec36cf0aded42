/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The lab's caches and logs live beside the sources; keep them out of file watching and tracing.
  outputFileTracingExcludes: { '*': ['.lab/**', 'lab/**', 'e2e/**', 'bench/**'] },
};

export default nextConfig;
