// social_interactionB: an XRBench usage scenario (Kwon et al., MLSys 2023), usage_scenarios/social_interactionB.m of
// github.com/XRBench/XRBench-MLSys2023 (MIT license, Copyright (c) 2023 XRBench), unchanged below.
// Each Network is a model with its FPS, optional Dependency (parent) and trigger Probability.
Network ES_RITNet {

FPS: 60

Layer conv1 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 3, S: 3 }
}

Layer conv2 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 1, S: 1 }
}

Layer conv3 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 3, S: 3 }
}

Layer conv4 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 1, S: 1 }
}

Layer conv5 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 3, S: 3 }
}

Layer conv6 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 80, X: 50, R: 3, S: 3 }
}

Layer conv7 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 80, X: 50, R: 1, S: 1 }
}

Layer conv8 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 80, X: 50, R: 3, S: 3 }
}

Layer conv9 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 80, X: 50, R: 1, S: 1 }
}

Layer conv10 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 80, X: 50, R: 3, S: 3 }
}

Layer conv11 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 40, X: 25, R: 3, S: 3 }
}

Layer conv12 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 40, X: 25, R: 1, S: 1 }
}

Layer conv13 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 40, X: 25, R: 3, S: 3 }
}

Layer conv14 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 40, X: 25, R: 1, S: 1 }
}

Layer conv15 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 40, X: 25, R: 3, S: 3 }
}

Layer conv16 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 20, X: 13, R: 3, S: 3 }
}

Layer conv17 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv18 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 20, X: 13, R: 3, S: 3 }
}

Layer conv19 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv20 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 20, X: 13, R: 3, S: 3 }
}

Layer conv21 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 10, X: 7, R: 3, S: 3 }
}

Layer conv22 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv23 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 10, X: 7, R: 3, S: 3 }
}

Layer conv24 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv25 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 10, X: 7, R: 3, S: 3 }
}

Layer conv26 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv27 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 20, X: 13, R: 3, S: 3 }
}

Layer conv28 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv29 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 20, X: 13, R: 3, S: 3 }
}

Layer conv30 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 40, X: 25, R: 1, S: 1 }
}

Layer conv31 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 40, X: 25, R: 3, S: 3 }
}

Layer conv32 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 40, X: 25, R: 1, S: 1 }
}

Layer conv33 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 40, X: 25, R: 3, S: 3 }
}

Layer conv34 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 80, X: 50, R: 1, S: 1 }
}

Layer conv35 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 80, X: 50, R: 3, S: 3 }
}

Layer conv36 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 80, X: 50, R: 1, S: 1 }
}

Layer conv37 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 80, X: 50, R: 3, S: 3 }
}

Layer conv38 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 1, S: 1 }
}

Layer conv39 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 3, S: 3 }
}

Layer conv40 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 1, S: 1 }
}

Layer conv41 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 3, S: 3 }
}

Layer conv42 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 1, S: 1 }
}

}

Network GE_FBNet_C {

Dependency: {
	ES_RITNet	
}

FPS: 60

Layer conv1 { 
	Type: CONV
	Dimensions: { N: 1, K: 16, C: 3, Y: 160, X: 100, R: 3, S: 3 }
}

Layer conv2 { 
	Type: CONV
	Dimensions: { N: 1, K: 16, C: 16, Y: 80, X: 50, R: 3, S: 3 }
}

Layer conv3 { 
	Type: CONV
	Dimensions: { N: 1, K: 16, C: 16, Y: 80, X: 50, R: 1, S: 1 }
}

Layer conv4 { 
	Type: CONV
	Dimensions: { N: 1, K: 96, C: 16, Y: 80, X: 50, R: 1, S: 1 }
}

Layer conv5 { 
	Type: CONV
	Dimensions: { N: 1, K: 96, C: 96, Y: 80, X: 50, R: 3, S: 3 }
}

Layer conv6 { 
	Type: CONV
	Dimensions: { N: 1, K: 24, C: 96, Y: 40, X: 25, R: 1, S: 1 }
}

Layer conv7 { 
	Type: CONV
	Dimensions: { N: 1, K: 24, C: 24, Y: 40, X: 25, R: 3, S: 3 }
}

Layer conv8 { 
	Type: CONV
	Dimensions: { N: 1, K: 24, C: 24, Y: 40, X: 25, R: 1, S: 1 }
}

Layer conv9 { 
	Type: CONV
	Dimensions: { N: 1, K: 24, C: 24, Y: 40, X: 25, R: 3, S: 3 }
}

Layer conv10 { 
	Type: CONV
	Dimensions: { N: 1, K: 24, C: 24, Y: 40, X: 25, R: 1, S: 1 }
}

Layer conv11 { 
	Type: CONV
	Dimensions: { N: 1, K: 144, C: 24, Y: 40, X: 25, R: 1, S: 1 }
}

Layer conv12 { 
	Type: CONV
	Dimensions: { N: 1, K: 144, C: 144, Y: 40, X: 25, R: 5, S: 5 }
}

Layer conv13 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 144, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv14 { 
	Type: CONV
	Dimensions: { N: 1, K: 96, C: 32, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv15 { 
	Type: CONV
	Dimensions: { N: 1, K: 96, C: 96, Y: 20, X: 13, R: 5, S: 5 }
}

Layer conv16 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 96, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv17 { 
	Type: CONV
	Dimensions: { N: 1, K: 192, C: 32, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv18 { 
	Type: CONV
	Dimensions: { N: 1, K: 192, C: 192, Y: 20, X: 13, R: 5, S: 5 }
}

Layer conv19 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 192, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv20 { 
	Type: CONV
	Dimensions: { N: 1, K: 192, C: 32, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv21 { 
	Type: CONV
	Dimensions: { N: 1, K: 192, C: 192, Y: 20, X: 13, R: 3, S: 3 }
}

Layer conv22 { 
	Type: CONV
	Dimensions: { N: 1, K: 32, C: 192, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv23 { 
	Type: CONV
	Dimensions: { N: 1, K: 192, C: 32, Y: 20, X: 13, R: 1, S: 1 }
}

Layer conv24 { 
	Type: CONV
	Dimensions: { N: 1, K: 192, C: 192, Y: 20, X: 13, R: 5, S: 5 }
}

Layer conv25 { 
	Type: CONV
	Dimensions: { N: 1, K: 64, C: 192, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv26 { 
	Type: CONV
	Dimensions: { N: 1, K: 192, C: 64, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv27 { 
	Type: CONV
	Dimensions: { N: 1, K: 192, C: 192, Y: 10, X: 7, R: 5, S: 5 }
}

Layer conv28 { 
	Type: CONV
	Dimensions: { N: 1, K: 64, C: 192, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv29 { 
	Type: CONV
	Dimensions: { N: 1, K: 384, C: 64, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv30 { 
	Type: CONV
	Dimensions: { N: 1, K: 384, C: 384, Y: 10, X: 7, R: 5, S: 5 }
}

Layer conv31 { 
	Type: CONV
	Dimensions: { N: 1, K: 64, C: 384, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv32 { 
	Type: CONV
	Dimensions: { N: 1, K: 384, C: 64, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv33 { 
	Type: CONV
	Dimensions: { N: 1, K: 384, C: 384, Y: 10, X: 7, R: 5, S: 5 }
}

Layer conv34 { 
	Type: CONV
	Dimensions: { N: 1, K: 64, C: 384, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv35 { 
	Type: CONV
	Dimensions: { N: 1, K: 384, C: 64, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv36 { 
	Type: CONV
	Dimensions: { N: 1, K: 384, C: 384, Y: 10, X: 7, R: 5, S: 5 }
}

Layer conv37 { 
	Type: CONV
	Dimensions: { N: 1, K: 112, C: 384, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv38 { 
	Type: CONV
	Dimensions: { N: 1, K: 672, C: 112, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv39 { 
	Type: CONV
	Dimensions: { N: 1, K: 672, C: 672, Y: 10, X: 7, R: 5, S: 5 }
}

Layer conv40 { 
	Type: CONV
	Dimensions: { N: 1, K: 112, C: 672, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv41 { 
	Type: CONV
	Dimensions: { N: 1, K: 672, C: 112, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv42 { 
	Type: CONV
	Dimensions: { N: 1, K: 672, C: 672, Y: 10, X: 7, R: 5, S: 5 }
}

Layer conv43 { 
	Type: CONV
	Dimensions: { N: 1, K: 112, C: 672, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv44 { 
	Type: CONV
	Dimensions: { N: 1, K: 336, C: 112, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv45 { 
	Type: CONV
	Dimensions: { N: 1, K: 336, C: 336, Y: 10, X: 7, R: 5, S: 5 }
}

Layer conv46 { 
	Type: CONV
	Dimensions: { N: 1, K: 112, C: 336, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv47 { 
	Type: CONV
	Dimensions: { N: 1, K: 672, C: 112, Y: 10, X: 7, R: 1, S: 1 }
}

Layer conv48 { 
	Type: CONV
	Dimensions: { N: 1, K: 672, C: 672, Y: 10, X: 7, R: 5, S: 5 }
}

Layer conv49 { 
	Type: CONV
	Dimensions: { N: 1, K: 184, C: 672, Y: 5, X: 4, R: 1, S: 1 }
}

Layer conv50 { 
	Type: CONV
	Dimensions: { N: 1, K: 1104, C: 184, Y: 5, X: 4, R: 1, S: 1 }
}

Layer conv51 { 
	Type: CONV
	Dimensions: { N: 1, K: 1104, C: 1104, Y: 5, X: 4, R: 5, S: 5 }
}

Layer conv52 { 
	Type: CONV
	Dimensions: { N: 1, K: 184, C: 1104, Y: 5, X: 4, R: 1, S: 1 }
}

Layer conv53 { 
	Type: CONV
	Dimensions: { N: 1, K: 1104, C: 184, Y: 5, X: 4, R: 1, S: 1 }
}

Layer conv54 { 
	Type: CONV
	Dimensions: { N: 1, K: 1104, C: 1104, Y: 5, X: 4, R: 5, S: 5 }
}

Layer conv55 { 
	Type: CONV
	Dimensions: { N: 1, K: 184, C: 1104, Y: 5, X: 4, R: 1, S: 1 }
}

Layer conv56 { 
	Type: CONV
	Dimensions: { N: 1, K: 1104, C: 184, Y: 5, X: 4, R: 1, S: 1 }
}

Layer conv57 { 
	Type: CONV
	Dimensions: { N: 1, K: 1104, C: 1104, Y: 5, X: 4, R: 5, S: 5 }
}

Layer conv58 { 
	Type: CONV
	Dimensions: { N: 1, K: 184, C: 1104, Y: 5, X: 4, R: 1, S: 1 }
}

Layer conv59 { 
	Type: CONV
	Dimensions: { N: 1, K: 1104, C: 184, Y: 5, X: 4, R: 1, S: 1 }
}

Layer conv60 { 
	Type: CONV
	Dimensions: { N: 1, K: 1104, C: 1104, Y: 5, X: 4, R: 3, S: 3 }
}

Layer conv61 { 
	Type: CONV
	Dimensions: { N: 1, K: 352, C: 1104, Y: 5, X: 4, R: 1, S: 1 }
}

Layer conv62 { 
	Type: CONV
	Dimensions: { N: 1, K: 1984, C: 352, Y: 5, X: 4, R: 1, S: 1 }
}

Layer conv63 { 
	Type: CONV
	Dimensions: { N: 1, K: 1000, C: 1984, Y: 1, X: 1, R: 1, S: 1 }
}

}


Network AS_ED_TCN {

FPS: 30

Layer conv1 { 
	Type: CONV
	Dimensions: { N: 1, K: 64, C: 128, Y: 668, X: 1, R: 25, S: 1 }
}

Layer conv2 { 
	Type: CONV
	Dimensions: { N: 1, K: 96, C: 64, Y: 346, X: 1, R: 25, S: 1 }
}

Layer conv3 { 
	Type: CONV
	Dimensions: { N: 1, K: 96, C: 96, Y: 346, X: 1, R: 25, S: 1 }
}

Layer conv4 { 
	Type: CONV
	Dimensions: { N: 1, K: 64, C: 96, Y: 668, X: 1, R: 25, S: 1 }
}

}