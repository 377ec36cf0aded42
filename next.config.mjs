/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The container image runs Next's standalone server (see Dockerfile). Only its build asks for that output:
  // `next start`, which the lab's scripts use, warns that it "does not work" with a standalone build.
  output: process.env.MESHSCOPE_STANDALONE === '1' ? 'standalone' : undefined,
  // The lab's caches and logs live beside the sources; keep them out of file watching and tracing.
  outputFileTracingExcludes: { '*': ['.lab/**', 'lab/**', 'e2e/**', 'bench/**'] },
};

export default nextConfig;
