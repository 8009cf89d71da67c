# The two commands the README promises: `make demo` and `make test`. Both set everything up on a
# fresh machine with only Python 3.11: a virtual environment in .venv and the project installed in it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# base install: what the demo and the CLI need
$(VENV)/.base-installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# everything the test suite exercises: PyTorch (CPU build, pinned so pip takes the local wheel) and Dask
$(VENV)/.full-installed: $(VENV)/.base-installed
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev,dask,train,torch]'
	touch $@

install: $(VENV)/.base-installed

demo: $(VENV)/.base-installed
	$(BIN)/h2h quickstart

test: $(VENV)/.full-installed
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info results
