// Dataflows of tests/data/maestro_unseen.csv: four from maestro-project/maestro (data/mapping:
// nlr, ckp_ws, maeri (three levels), ykp_os) and twelve written for these tests.
Dataflow nlr {
  TemporalMap (1,1) K;
  TemporalMap (Sz(R), 1) Y;
  TemporalMap (Sz(S), 1) X;
  TemporalMap (Sz(R), Sz(R)) R;
  TemporalMap (Sz(S), Sz(S)) S;
  SpatialMap (1,1) C;
}
Dataflow ckp_ws {
  SpatialMap(1,1) C;
  TemporalMap(64,64) K;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
  TemporalMap(1,1) Y';
  TemporalMap(1,1) X';
  Cluster(64, P);
  SpatialMap(1,1) K;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
}
Dataflow maeri {
  TemporalMap(1,1) C;
  SpatialMap(1,1) K;
  TemporalMap(1,1) Y';
  TemporalMap(1,1) X';
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
  Cluster(Sz(R),P);
  SpatialMap(1,1) Y;
  SpatialMap(1,1) R;
  Cluster(Sz(S),P);
  SpatialMap(1,1) X;
  SpatialMap(1,1) S;
}
Dataflow ykp_os {
  TemporalMap(16,16) K;
  SpatialMap(Sz(R),1) Y;
  TemporalMap(Sz(S),1) X;
  TemporalMap(1,1) C;
  Cluster(16, P);
  SpatialMap(1,1) K;
  TemporalMap(Sz(R),1) Y;
  TemporalMap(Sz(S),1) X;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
}
Dataflow tiles3 {
  SpatialMap(2,2) K;
  TemporalMap(16,16) C;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
  TemporalMap(Sz(R),1) Y;
  TemporalMap(Sz(S),1) X;
  Cluster(16, P);
  SpatialMap(1,1) C;
  TemporalMap(2,2) K;
  Cluster(4, P);
  SpatialMap(Sz(S),1) X;
  TemporalMap(Sz(R),1) Y;
}
Dataflow ywide {
  TemporalMap(4,4) K;
  TemporalMap(3,3) C;
  SpatialMap(Sz(R),1) Y;
  TemporalMap(Sz(S),1) X;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
}
Dataflow xtile {
  TemporalMap(8,8) K;
  SpatialMap(Sz(S),2) X;
  TemporalMap(Sz(R),1) Y;
  TemporalMap(5,5) C;
  Cluster(4,P);
  SpatialMap(2,2) K;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
}
Dataflow dw2 {
  SpatialMap(2,2) C;
  TemporalMap(Sz(R),1) Y;
  TemporalMap(Sz(S),1) X;
  Cluster(4,P);
  SpatialMap(1,1) C;
}
Dataflow gemm_kn {
  SpatialMap(1,1) K;
  TemporalMap(8,8) M;
  TemporalMap(8,8) N;
}
Dataflow gemm_t2 {
  TemporalMap(32,32) N;
  SpatialMap(4,4) M;
  TemporalMap(32,32) K;
  Cluster(8,P);
  SpatialMap(4,4) K;
  TemporalMap(4,4) M;
  TemporalMap(8,8) N;
}

// Six more written for these tests: two spatial maps at the top, clusters of 1, logical
// clusters, strided spatial windows, a three-level GEMM, depthwise over X.
Dataflow rstop {
  SpatialMap(1,1) Y';
  SpatialMap(1,1) R;
  TemporalMap(1,1) X';
  TemporalMap(4,4) K;
  TemporalMap(2,2) C;
  TemporalMap(Sz(S),Sz(S)) S;
}
Dataflow clus1 {
  SpatialMap(1,1) K;
  TemporalMap(8,8) C;
  Cluster(1, P);
  SpatialMap(1,1) C;
}
Dataflow logical {
  SpatialMap(4,4) K;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
  Cluster(4, L);
  SpatialMap(1,1) K;
}
Dataflow kyx {
  TemporalMap(4,4) K;
  SpatialMap(Sz(R),2) Y;
  TemporalMap(Sz(S),2) X;
  TemporalMap(3,3) C;
  Cluster(4,P);
  SpatialMap(1,1) C;
}
Dataflow gemm3 {
  SpatialMap(2,2) M;
  TemporalMap(8,8) N;
  TemporalMap(16,16) K;
  Cluster(4, P);
  SpatialMap(4,4) K;
  TemporalMap(2,2) M;
  Cluster(2,P);
  SpatialMap(2,2) N;
}
Dataflow dsx {
  TemporalMap(2,2) C;
  SpatialMap(Sz(S),1) X;
  TemporalMap(Sz(R),1) Y;
}
