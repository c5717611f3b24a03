x = a[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b[b]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
