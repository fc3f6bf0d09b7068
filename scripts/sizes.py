#!/usr/bin/env python3
"""Largest source files (non-test lines) and longest functions under src/:
the limits the code keeps (~500 lines a file, ~80 a function).
Usage: python3 scripts/sizes.py   (from the repository root)"""
import os,re,sys
res=[];files=[]
for dp,_,fs in os.walk('src'):
    for f in fs:
        if not f.endswith('.rs'): continue
        p=os.path.join(dp,f); L=open(p).read().split('\n')
        # non-test lines: up to '#[cfg(test)]' followed by mod tests
        end=len(L)
        for i,l in enumerate(L):
            if l.startswith('#[cfg(test)]') and i+1<len(L) and L[i+1].startswith('mod tests'): end=i;break
        if f.endswith('_tests.rs'): end=0
        files.append((end,p))
        i=0
        while i<end:
            m=re.match(r'\s*(pub(\([^)]*\))?\s+)?(async\s+)?fn\s+(\w+)',L[i])
            if m:
                depth=0;started=False;j=i
                while j<end:
                    code=re.sub(r'r#".*?"#|"(\\.|[^"\\])*"|\'.\'|//.*','',L[j])
                    depth+=code.count('{')-code.count('}')
                    if '{' in code: started=True
                    if started and depth<=0: break
                    if not started and L[j].rstrip().endswith(';'): break
                    j+=1
                res.append((j-i+1,p,m.group(4)))
            i+=1
print('largest files (non-test lines):')
for n,p in sorted(files,reverse=True)[:6]: print(f'  {n:4} {p}')
print('longest functions:')
for n,p,f in sorted(res,reverse=True)[:8]: print(f'  {n:4} {p}::{f}')
