"""newsfuse on Apache Spark: the same stage functions as the CLI, spread over executors.

See :mod:`newsfuse.spark.job` for the stages and :mod:`newsfuse.spark.submit` for the
``spark-submit`` entry point.
"""
