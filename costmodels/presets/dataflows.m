// Shipped dataflows, in MAESTRO's directive language (maestro-project/maestro, data/mapping/*.m).
// Each block is one dataflow; a system names it by its block name.

// NVDLA-like weight stationary: output channels across PE groups of 64, input channels within a group.
Dataflow kcp_ws {
  SpatialMap(1,1) K;
  TemporalMap(64,64) C;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
  TemporalMap(Sz(R),1) Y;
  TemporalMap(Sz(S),1) X;
  Cluster(64, P);
  SpatialMap(1,1) C;
  TemporalMap(Sz(R),1) Y;
  TemporalMap(Sz(S),1) X;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
}

// ShiDianNao-like output stationary: output rows across groups of 8, output columns within a group.
Dataflow yxp_os {
  TemporalMap(1,1) K;
  TemporalMap(1,1) C;
  SpatialMap(Sz(R), 1) Y;
  TemporalMap(8,8) X;
  Cluster(8, P);
  SpatialMap(Sz(S), 1) X;
  TemporalMap(Sz(R), Sz(R)) R;
  TemporalMap(Sz(R), Sz(R)) S;
}

// Eyeriss-like row stationary: output rows across clusters of R PEs, filter rows within a cluster.
Dataflow rs {
  SpatialMap(1,1) Y';
  TemporalMap(1,1) X';
  TemporalMap(1,1) C;
  TemporalMap(16,16) K;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
  Cluster(Sz(R),P);
  SpatialMap(1,1) Y;
  SpatialMap(1,1) R;
  TemporalMap(Sz(S),Sz(S)) S;
}

// Weight stationary with input columns across all PEs.
Dataflow xp_ws {
  TemporalMap(1,1) K;
  TemporalMap(1,1) C;
  TemporalMap(Sz(R),1) Y;
  SpatialMap(Sz(S),1) X;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
}

// Depthwise convolution: channels across PEs.
Dataflow dw {
  SpatialMap(1,1) C;
  TemporalMap(Sz(R),1) Y;
  TemporalMap(Sz(S),1) X;
  TemporalMap(Sz(R),Sz(R)) R;
  TemporalMap(Sz(S),Sz(S)) S;
}

// GEMM (M x K input times K x N weight): rows of M across groups of 64 PEs, K within a group.
Dataflow gemm_mp {
  TemporalMap(1,1) N;
  SpatialMap(1,1) M;
  TemporalMap(64,64) K;
  Cluster(64, P);
  TemporalMap(1,1) N;
  TemporalMap(1,1) M;
  SpatialMap(1,1) K;
}

// GEMM: columns of N across groups of 16 PEs, rows of M within a group, K in tiles of 16.
Dataflow gemm_np {
  SpatialMap(1,1) N;
  TemporalMap(16,16) M;
  TemporalMap(16,16) K;
  Cluster(16, P);
  SpatialMap(1,1) M;
  TemporalMap(16,16) K;
}
