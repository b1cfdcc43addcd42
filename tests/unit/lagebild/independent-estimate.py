# Independent implementation of ADR 0011 (issue 29) with SciPy, for the unit tests' pinned values.
from scipy.stats import beta, t
import math
def kg(strata):  # strata: list of (weight, n, x)
    W = sum(s[0] for s in strata); n = sum(s[1] for s in strata); H = len(strata)
    p = sum(s[0]/W * s[2]/s[1] for s in strata)
    V = 0
    for w_, nh, x in strata:
        w = w_/W; ph = x/nh; f = min(1, nh/w_)
        per = 0.25 if nh == 1 else ph*(1-ph)/(nh-1)
        V += w*w*(1-f)*per
    df = max(1, n-H)
    neff = p*(1-p)/V if (V > 0 and 0 < p < 1) else n
    neff = min(n, neff*(t.ppf(0.975, n-1)/t.ppf(0.975, df))**2)
    xx = p*neff
    lo = 0 if xx <= 0 else beta.ppf(0.025, xx, neff-xx+1)
    hi = 1 if xx >= neff else beta.ppf(0.975, xx+1, neff-xx)
    return dict(p=p, V=V, neff=neff, lo=lo, hi=hi)
print("A collapse", kg([(137,20,5),(31,10,7)]))
print("B 0/100", kg([(300,15,0),(100,15,15)]))
print("B2 all 0", kg([(300,15,0),(100,15,0)]))
print("C n=1", kg([(50,1,1),(200,40,10)]))
wA_lt = 100+60*100/180; wB_lt = 80+60*80/180; wA_mid = 50+20*50/90; wB_mid = 40+20*40/90
print("weights", wA_lt, wA_mid, wB_lt, wB_mid)
print("D missing state", kg([(wA_lt,20,4),(wA_mid,10,6),(wB_lt,15,3),(wB_mid,5,5)]))
# mean
import statistics as st
def mean_est(strata):  # (weight, xs)
    W = sum(s[0] for s in strata); n = sum(len(s[1]) for s in strata); H = len(strata)
    pooled_df = sum(len(x)-1 for _,x in strata if len(x)>1)
    pooled = sum((len(x)-1)*st.variance(x) for _,x in strata if len(x)>1)/pooled_df if pooled_df else 2500
    v = 0; m = 0
    for w_, xs in strata:
        w = w_/W; m += w*st.mean(xs); f = min(1, len(xs)/w_)
        v += w*w*(1-f)*((st.variance(xs) if len(xs)>1 else pooled)/len(xs))
    allx = [x for _,xs in strata for x in xs]
    floor = st.variance(allx)/len(allx)
    half = t.ppf(0.975, max(1, n-H))*math.sqrt(max(v, floor))
    return dict(m=m, v=v, floor=floor, lo=max(0,m-half), hi=min(100,m+half))
ten = lambda a,b: [a]*10+[b]*10
print("M", mean_est([(300, ten(40,60)), (100, ten(70,90))]))
print("M n=1", mean_est([(300, ten(40,60)), (100, [75])]))
# A mean without any spread: the interval of the share ȳ/100 from n (both strata 15 scores of 42).
n = 30; neff = n*(t.ppf(0.975, n-1)/t.ppf(0.975, n-2))**2; x = 0.42*neff
print("M no spread", 100*beta.ppf(0.025, x, neff-x+1), 100*beta.ppf(0.975, x+1, neff-x))
