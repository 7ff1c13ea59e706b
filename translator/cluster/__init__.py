"""`translator batch --ray`: the same batch on a Ray cluster (Ray is imported only when it is used).

The driver (the machine running `translator batch`) reads the inputs, consults the translation memory,
runs the pipeline and writes every output; Ray tasks read and detect the files, and a pool of Ray
actors, each holding its models loaded, does the engine work. Models travel from the driver through
Ray's object store, so worker nodes need the project installed but neither packages nor the inputs.
"""
