"""Summarises `jfr print --events jdk.ExecutionSample --stack-depth 200` (stdin): of the samples whose stack contains
the first argument (e.g. ScanApiController), the share of each library: self = the innermost frame's library,
inclusive = the library anywhere on the stack; then the hottest leaf methods."""
import collections
import re
import sys

LIBRARIES = [("com.mysql", "Connector/J"), ("org.h2", "H2"), ("org.hibernate", "Hibernate"), ("com.zaxxer", "Hikari"),
             ("org.springframework.security", "Spring Security"), ("tools.jackson", "Jackson"),
             ("org.apache", "Tomcat"), ("org.springframework.transaction", "Spring transactions"),
             ("org.springframework.orm", "Spring ORM"), ("org.springframework.data", "Spring Data"),
             ("org.springframework.resilience", "retry"), ("org.springframework.core.retry", "retry"),
             ("org.springframework.aop", "AOP proxies"), ("org.springframework.web", "Spring MVC"),
             ("kr.kaesongcrossing", "the app"), ("com.google.crypto", "signature (Tink)"),
             ("java.security", "JDK crypto"), ("sun.security", "JDK crypto")]
only = sys.argv[1] if len(sys.argv) > 1 else ""
self_, inclusive, leaves, total = collections.Counter(), collections.Counter(), collections.Counter(), 0
for sample in sys.stdin.read().split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>]+)\(", sample, re.M)
    if not frames or (only and not any(only in f for f in frames)):
        continue
    total += 1
    leaves[frames[0]] += 1
    libraries = [next((name for prefix, name in LIBRARIES if f.startswith(prefix)), None) for f in frames]
    self_[next((lib for lib in libraries if lib), "JDK/other")] += 1
    for lib in set(lib for lib in libraries if lib):
        inclusive[lib] += 1
print(f"{total} samples{' containing ' + only if only else ''}")
print(f"{'library':24} {'self':>6} {'inclusive':>9}")
for lib, n in self_.most_common():
    print(f"{lib:24} {100 * n / total:5.1f}% {100 * inclusive[lib] / total:8.1f}%")
print("hottest leaf methods:")
for method, n in leaves.most_common(12):
    print(f"  {100 * n / total:5.1f}%  {method}")
