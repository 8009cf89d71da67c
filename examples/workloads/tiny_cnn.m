// A small CNN in MAESTRO's model syntax. Y and X are input sizes *including* padding
// (MAESTRO applies none): the 3x3 convs below read 34x34 = a 32x32 map padded by 1.
Network TinyCNN {
	Layer CONV1 {
		Type: CONV
		Stride { X: 1, Y: 1 }
		Dimensions { K: 16, C: 3, R: 3, S: 3, Y: 34, X: 34 }
	}

	Layer DWCONV2 {
		Type: DSCONV
		Stride { X: 2, Y: 2 }
		Dimensions { K: 1, C: 16, R: 3, S: 3, Y: 34, X: 34 }
	}

	Layer PWCONV2 {
		Type: CONV
		Stride { X: 1, Y: 1 }
		Dimensions { K: 32, C: 16, R: 1, S: 1, Y: 16, X: 16 }
	}

	Layer FC {
		Type: GEMM
		Dimensions { K: 8192, M: 1, N: 10 }
	}
}
